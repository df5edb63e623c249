/// Identifies a record: its type (e.g. `initiative`) and its id (a lowercase UUID).
public struct RecordKey: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The record type, `[a-z][a-z0-9_]{0,31}`.
    public var type: String
    /// The record id, a lowercase UUID; never reused.
    public var id: String

    /// Creates a key without validation (see `EnvelopeRules` for the checks).
    public init(type: String, id: String) {
        self.type = type
        self.id = id
    }

    public static func < (lhs: RecordKey, rhs: RecordKey) -> Bool {
        if lhs.type != rhs.type { return lhs.type.utf8.lexicographicallyPrecedes(rhs.type.utf8) }
        return lhs.id.utf8.lexicographicallyPrecedes(rhs.id.utf8)
    }

    public var description: String { "\(type)/\(id)" }
}
