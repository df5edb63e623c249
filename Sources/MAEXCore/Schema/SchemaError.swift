/// Why a value or record does not fit its schema. Messages are Dutch-first for end users, with
/// the field name so a form can show them next to the field.
public enum SchemaError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The record type has no such field.
    case unknownField(type: String, field: String)
    /// A required field is missing or empty.
    case required(field: String)
    /// The value does not fit the field.
    case invalid(field: String, reason: String)
    /// The record type is not known.
    case unknownType(String)

    /// The field the error is about, if any.
    public var field: String? {
        switch self {
        case .unknownField(_, let field), .required(let field), .invalid(let field, _): field
        case .unknownType: nil
        }
    }

    public var description: String {
        switch self {
        case .unknownField(let type, let field): "onbekend veld \"\(field)\" voor \(type)"
        case .required(let field): "\(field): verplicht veld ontbreekt"
        case .invalid(let field, let reason): "\(field): \(reason)"
        case .unknownType(let type): "onbekend recordtype \"\(type)\""
        }
    }
}
