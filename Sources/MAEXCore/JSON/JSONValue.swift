/// A JSON value restricted to what signed MAEX data may contain: no floating point.
///
/// Integers are limited to the range that every JSON implementation represents exactly
/// (`-(2^53-1) ... 2^53-1`). Objects are kept as dictionaries; their canonical encoding sorts
/// keys by their UTF-8 bytes, so the in-memory order never matters.
public enum JSONValue: Hashable, Sendable {
    case null
    case bool(Bool)
    case int(Int64)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    /// The largest integer magnitude allowed in signed data (2^53 - 1).
    public static let maxSafeInteger: Int64 = 9_007_199_254_740_991

    /// The string payload, or `nil` for any other kind of value.
    public var stringValue: String? {
        if case .string(let s) = self { return s }
        return nil
    }

    /// The integer payload, or `nil` for any other kind of value.
    public var intValue: Int64? {
        if case .int(let i) = self { return i }
        return nil
    }

    /// The object payload, or `nil` for any other kind of value.
    public var objectValue: [String: JSONValue]? {
        if case .object(let o) = self { return o }
        return nil
    }

    /// The array payload, or `nil` for any other kind of value.
    public var arrayValue: [JSONValue]? {
        if case .array(let a) = self { return a }
        return nil
    }

    /// A short name of the kind of value, for error messages.
    public var kindName: String {
        switch self {
        case .null: "null"
        case .bool: "boolean"
        case .int: "integer"
        case .string: "string"
        case .array: "array"
        case .object: "object"
        }
    }
}
