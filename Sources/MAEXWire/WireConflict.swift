import MAEXCore

/// A field written concurrently: the value shown (`winner`) and the losing values kept visible.
public struct WireConflict: Codable, Hashable, Sendable {
    /// The record type (`initiative`), absent inside an initiative answer.
    public var type: String?
    /// The record id, absent inside an initiative answer.
    public var id: String?
    /// The field.
    public var field: String
    /// The write whose value is shown.
    public var winner: WireWrite
    /// The concurrent writes that lost, ascending.
    public var losers: [WireWrite]

    /// Creates a conflict.
    public init(type: String?, id: String?, field: String, winner: WireWrite, losers: [WireWrite]) {
        self.type = type
        self.id = id
        self.field = field
        self.winner = winner
        self.losers = losers
    }

    /// The wire form of a conflict; `includeRecord` false leaves out type and id.
    public init(_ conflict: Conflict, includeRecord: Bool = true) {
        self.init(
            type: includeRecord ? conflict.record.type : nil, id: includeRecord ? conflict.record.id : nil,
            field: conflict.field, winner: WireWrite(conflict.winner), losers: conflict.losers.map(WireWrite.init))
    }
}

/// `GET /v1/conflicts`: every field holding concurrent writes, in record and field order.
public struct ConflictsResponse: Codable, Hashable, Sendable {
    /// The conflicts.
    public var conflicts: [WireConflict]

    /// Creates the answer.
    public init(conflicts: [WireConflict]) { self.conflicts = conflicts }
}
