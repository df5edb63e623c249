import MAEXCore

/// One change set of the log, as listed by `NodeStore.log(limit:offset:)`.
public struct LogEntry: Hashable, Sendable {
    /// The position in apply order (1 for the first change set applied).
    public var position: Int64
    /// The author.
    public var author: NodeID
    /// The author's sequence number.
    public var seq: Int64
    /// The change set's id.
    public var id: ChangeSetID
    /// The author's clock.
    public var hlc: HLCTimestamp
    /// How many operations it holds.
    public var operationCount: Int
    /// The local wall clock (ms) when it was stored.
    public var receivedAtMilliseconds: Int64

    /// Creates an entry.
    public init(
        position: Int64, author: NodeID, seq: Int64, id: ChangeSetID, hlc: HLCTimestamp, operationCount: Int,
        receivedAtMilliseconds: Int64
    ) {
        self.position = position
        self.author = author
        self.seq = seq
        self.id = id
        self.hlc = hlc
        self.operationCount = operationCount
        self.receivedAtMilliseconds = receivedAtMilliseconds
    }
}
