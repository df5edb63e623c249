import MAEXCore

/// One change to a collection of an initiative within `RegisterEditor.editInitiative`: add a
/// record, set fields of one, or delete one. Problems of the change are reported with
/// `prefix` before the field name (`needs[2].`), so a form can mark its own fields.
public struct SubRecordChange: Hashable, Sendable {
    /// What to do.
    public enum Action: Hashable, Sendable {
        /// Add a new record with `fields`.
        case add
        /// Set `fields` of the live record `id`.
        case update(id: String)
        /// Delete the live record `id` (`fields` are ignored).
        case delete(id: String)
    }

    /// The collection.
    public var kind: SubRecordKind
    /// What to do.
    public var action: Action
    /// The values to add or set.
    public var fields: [String: JSONValue]
    /// Put before the field names of problems.
    public var prefix: String

    /// Creates a change.
    public init(_ kind: SubRecordKind, _ action: Action, fields: [String: JSONValue] = [:], prefix: String = "") {
        self.kind = kind
        self.action = action
        self.fields = fields
        self.prefix = prefix
    }
}
