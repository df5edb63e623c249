/// The latest change set held from one author.
public struct AuthorHead: Hashable, Sendable {
    /// Its sequence number.
    public var seq: Int64
    /// Its id.
    public var id: ChangeSetID
    /// Its clock.
    public var hlc: HLCTimestamp

    /// Creates a head.
    public init(seq: Int64, id: ChangeSetID, hlc: HLCTimestamp) {
        self.seq = seq
        self.id = id
        self.hlc = hlc
    }
}
