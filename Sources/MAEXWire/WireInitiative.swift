import MAEXCore

/// An initiative as answered by `GET /v1/initiatives` and `GET /v1/initiatives/{id}`: the
/// winning value of each field, and the fields that hold concurrent writes.
public struct WireInitiative: Codable, Hashable, Sendable {
    /// The record id (a lowercase UUID).
    public var id: String
    /// The winning value of every field written.
    public var fields: [String: WireJSON]
    /// The fields written concurrently, in field order (empty when none).
    public var conflicts: [WireConflict]

    /// Creates an initiative answer.
    public init(id: String, fields: [String: WireJSON], conflicts: [WireConflict]) {
        self.id = id
        self.fields = fields
        self.conflicts = conflicts
    }

    /// The wire form of a live record.
    public init(key: RecordKey, state: RecordState) {
        var fields: [String: WireJSON] = [:]
        for (name, field) in state.fields {
            if let winner = field.winner { fields[name] = WireJSON(winner.value) }
        }
        self.init(
            id: key.id, fields: fields,
            conflicts: Conflict.all(in: state, of: key).map { WireConflict($0, includeRecord: false) })
    }
}

/// `GET /v1/initiatives`: one page of the initiatives that match the filters, in id order.
public struct InitiativeList: Codable, Hashable, Sendable {
    /// How many initiatives match the filters in all.
    public var total: Int
    /// The number of matching initiatives skipped before this page.
    public var offset: Int
    /// The page size asked for (after capping).
    public var limit: Int
    /// This page.
    public var initiatives: [WireInitiative]

    /// Creates a page.
    public init(total: Int, offset: Int, limit: Int, initiatives: [WireInitiative]) {
        self.total = total
        self.offset = offset
        self.limit = limit
        self.initiatives = initiatives
    }
}
