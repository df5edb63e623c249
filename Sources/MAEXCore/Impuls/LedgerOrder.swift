/// The order in which a fund's ledger counts records: by the clock of the record's write,
/// then its author, then the record id. Every node holding the same change sets derives the
/// same order, so concurrent decisions are counted alike everywhere.
public struct LedgerOrder: Hashable, Comparable, Sendable {
    /// The clock of the write that counts (the decision's outcome, the payment's amount).
    public var hlc: HLCTimestamp
    /// Its author.
    public var author: NodeID
    /// The record's id.
    public var id: String

    /// Creates an order key.
    public init(hlc: HLCTimestamp, author: NodeID, id: String) {
        self.hlc = hlc
        self.author = author
        self.id = id
    }

    /// The order of a record from the winning write of `field`; `nil` when it has none.
    public init?(id: String, record: RecordState, field: String) {
        guard let write = record.fields[field]?.winner else { return nil }
        self.init(hlc: write.hlc, author: write.ref.author, id: id)
    }

    public static func < (lhs: LedgerOrder, rhs: LedgerOrder) -> Bool {
        if lhs.hlc != rhs.hlc { return lhs.hlc < rhs.hlc }
        if lhs.author != rhs.author { return lhs.author < rhs.author }
        return lhs.id < rhs.id
    }
}
