import MAEXCore

/// Everything the pure planning step needs to know, read from the store and the clock.
public struct AuthoringSnapshot: Hashable, Sendable {
    /// The network.
    public var realm: String
    /// This node.
    public var author: NodeID
    /// This node's latest change set, or `nil` before its first.
    public var head: AuthorHead?
    /// The greatest clock of any change set held.
    public var latestClock: HLCTimestamp?
    /// The local wall clock in milliseconds.
    public var wallMilliseconds: Int64
    /// The edited record's state (deleted included), or `nil` when unknown.
    public var record: RecordState?
    /// For each field the edit writes, the writes it supersedes.
    public var currentWrites: [String: [ChangeRef]]
    /// The municipalities this node may edit, or `nil` when not limited.
    public var municipalities: Set<String>?
    /// Change sets the new one must have in its view for its authority to be judged: those
    /// carrying the node's certificates and the current municipality writes of the record.
    public var authorityDeps: [ChangeRef]

    /// Creates a snapshot.
    public init(
        realm: String, author: NodeID, head: AuthorHead?, latestClock: HLCTimestamp?, wallMilliseconds: Int64,
        record: RecordState?, currentWrites: [String: [ChangeRef]] = [:], municipalities: Set<String>? = nil,
        authorityDeps: [ChangeRef] = []
    ) {
        self.realm = realm
        self.author = author
        self.head = head
        self.latestClock = latestClock
        self.wallMilliseconds = wallMilliseconds
        self.record = record
        self.currentWrites = currentWrites
        self.municipalities = municipalities
        self.authorityDeps = authorityDeps
    }
}
