import MAEXCore

/// An edit a person makes on this node, before it becomes a change set.
public enum LocalEdit: Hashable, Sendable {
    /// Creates a new record with these field values (`null` values are left out).
    case create(RecordKey, [String: JSONValue])
    /// Sets fields of a live record; `null` clears an optional field.
    case update(RecordKey, [String: JSONValue])
    /// Deletes a live record for good.
    case delete(RecordKey)

    /// The record the edit touches.
    public var record: RecordKey {
        switch self {
        case .create(let key, _), .update(let key, _), .delete(let key): key
        }
    }

    /// The fields the edit writes, sorted.
    public var fields: [String] {
        switch self {
        case .create(_, let values), .update(_, let values): values.keys.sorted()
        case .delete: []
        }
    }
}
