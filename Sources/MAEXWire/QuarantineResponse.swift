/// `GET /v1/quarantine`: refused change sets with their reasons, and forks detected.
public struct QuarantineResponse: Codable, Hashable, Sendable {
    /// Refused change sets, most recent first.
    public var entries: [WireQuarantineEntry]
    /// Authors caught signing two change sets at one sequence.
    public var forks: [WireFork]

    /// Creates the answer.
    public init(entries: [WireQuarantineEntry], forks: [WireFork]) {
        self.entries = entries
        self.forks = forks
    }
}

/// One refused change set.
public struct WireQuarantineEntry: Codable, Hashable, Sendable {
    /// SHA-256 of the received body, hex.
    public var id: String
    /// Why it was refused.
    public var reason: String
    /// The receiving node's wall clock (ms since the Unix epoch) when it last arrived.
    public var receivedAt: Int64
    /// How often it arrived.
    public var timesReceived: Int
    /// The size of the received body in bytes.
    public var size: Int
    /// The start of the received body (at most 256 bytes, decoded as UTF-8 with replacement).
    public var excerpt: String

    /// Creates an entry.
    public init(id: String, reason: String, receivedAt: Int64, timesReceived: Int, size: Int, excerpt: String) {
        self.id = id
        self.reason = reason
        self.receivedAt = receivedAt
        self.timesReceived = timesReceived
        self.size = size
        self.excerpt = excerpt
    }
}

/// Evidence of a fork: two change sets by one author at one sequence.
public struct WireFork: Codable, Hashable, Sendable {
    /// The author, hex.
    public var author: String
    /// The sequence both change sets claim.
    public var seq: Int64
    /// The change set held in the log.
    public var held: WireChangeSet
    /// The other change set.
    public var other: WireChangeSet
    /// When the fork was detected (ms since the Unix epoch).
    public var detectedAt: Int64

    /// Creates fork evidence.
    public init(author: String, seq: Int64, held: WireChangeSet, other: WireChangeSet, detectedAt: Int64) {
        self.author = author
        self.seq = seq
        self.held = held
        self.other = other
        self.detectedAt = detectedAt
    }
}
