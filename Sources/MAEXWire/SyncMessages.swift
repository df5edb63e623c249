/// `GET /v1/sync/vector` and the `heads` of a pull answer: what a node holds, per author.
public struct VectorResponse: Codable, Hashable, Sendable {
    /// The answering node's id.
    public var node: String
    /// For each author id, the highest sequence held and its change-set id.
    public var heads: [String: WireHead]

    /// Creates a vector answer.
    public init(node: String, heads: [String: WireHead]) {
        self.node = node
        self.heads = heads
    }
}

/// One author's head.
public struct WireHead: Codable, Hashable, Sendable {
    /// The highest sequence held.
    public var seq: Int64
    /// Its change-set id, hex.
    public var id: String

    /// Creates a head.
    public init(seq: Int64, id: String) {
        self.seq = seq
        self.id = id
    }
}

/// `POST /v1/sync/pull`: the caller's vector; the answer holds what the caller lacks.
public struct PullRequest: Codable, Hashable, Sendable {
    /// For each author id, the highest sequence the caller holds (absent = none).
    public var vector: [String: Int64]
    /// At most this many change sets in the answer (the server caps it too).
    public var maxCount: Int?
    /// At most about this many body bytes in the answer (the server caps it too).
    public var maxBytes: Int?
    /// Only these authors, when given (a node that holds a part of the network).
    public var authors: [String]?
    /// The forks the caller knows: for each forked author id, the first retracted sequence. The
    /// server sends proofs of the forks missing here and leaves out the change sets these
    /// forks retract (the caller would refuse them).
    public var forks: [String: Int64]?

    /// Creates a pull request.
    public init(
        vector: [String: Int64], maxCount: Int? = nil, maxBytes: Int? = nil, authors: [String]? = nil, forks: [String: Int64]? = nil
    ) {
        self.vector = vector
        self.maxCount = maxCount
        self.maxBytes = maxBytes
        self.authors = authors
        self.forks = forks
    }
}

/// The answer to a pull: the server's own heads and forks (so the caller knows what to push),
/// the proofs of forks the caller does not know, and the change sets the caller lacks, in the
/// server's log order (each after everything it requires).
public struct PullResponse: Codable, Hashable, Sendable {
    /// The server's heads.
    public var heads: [String: WireHead]
    /// Missing change sets, in the server's log order.
    public var changesets: [WireChangeSet]
    /// True when the limits cut the answer short: pull again with the updated vector.
    public var more: Bool
    /// The forks the server knows: forked author id to the first retracted sequence (absent
    /// when none).
    public var forks: [String: Int64]?
    /// Proofs of the forks the caller's request did not list (absent when none).
    public var proofs: [WireForkProof]?

    /// Creates a pull answer.
    public init(
        heads: [String: WireHead], changesets: [WireChangeSet], more: Bool, forks: [String: Int64]? = nil,
        proofs: [WireForkProof]? = nil
    ) {
        self.heads = heads
        self.changesets = changesets
        self.more = more
        self.forks = forks
        self.proofs = proofs
    }
}

/// `POST /v1/sync/push`: change sets for the server to store.
public struct PushRequest: Codable, Hashable, Sendable {
    /// The change sets, per author in sequence order.
    public var changesets: [WireChangeSet]
    /// Proofs of forks the server does not know yet (recorded before the change sets).
    public var proofs: [WireForkProof]?

    /// Creates a push request.
    public init(changesets: [WireChangeSet], proofs: [WireForkProof]? = nil) {
        self.changesets = changesets
        self.proofs = proofs
    }
}

/// The answer to a push: one result per change set, in order, sent only after commit.
public struct PushResponse: Codable, Hashable, Sendable {
    /// One result per pushed change set.
    public var results: [PushResult]

    /// Creates a push answer.
    public init(results: [PushResult]) { self.results = results }
}

/// What happened to one pushed change set.
public struct PushResult: Codable, Hashable, Sendable {
    /// The change-set id (SHA-256 of the body), hex.
    public var id: String
    /// What the node did with it.
    public var status: PushStatus
    /// Why, for `rejected` and `retracted`.
    public var reason: String?
    /// What it waits for, for `pending`: `[author, seq]` pairs.
    public var missing: [WireRef]?
    /// The id held at the same author and sequence, for `fork`.
    public var existing: String?

    /// Creates a result.
    public init(id: String, status: PushStatus, reason: String? = nil, missing: [WireRef]? = nil, existing: String? = nil) {
        self.id = id
        self.status = status
        self.reason = reason
        self.missing = missing
        self.existing = existing
    }
}

/// A change-set reference on the wire.
public struct WireRef: Codable, Hashable, Sendable {
    /// The author id.
    public var author: String
    /// The sequence number.
    public var seq: Int64

    /// Creates a reference.
    public init(author: String, seq: Int64) {
        self.author = author
        self.seq = seq
    }
}
