import MAEXCore

/// A value that cannot be stored, with the field it is about (`name`,
/// `contributions[0].quantity`) and a Dutch message a form shows next to the field.
public struct FieldProblem: Hashable, Sendable, Codable, CustomStringConvertible {
    /// The field's path in the request.
    public var field: String
    /// What is wrong, in Dutch.
    public var message: String

    /// Creates a problem.
    public init(field: String, message: String) {
        self.field = field
        self.message = message
    }

    /// The problem a schema error describes, with `prefix` before the field name.
    public init(_ error: SchemaError, prefix: String = "") {
        switch error {
        case .unknownField(_, let field): self.init(field: prefix + field, message: "onbekend veld")
        case .required(let field): self.init(field: prefix + field, message: "verplicht veld ontbreekt")
        case .invalid(let field, let reason): self.init(field: prefix + field, message: reason)
        case .unknownType(let type): self.init(field: prefix, message: "onbekend recordtype \(type)")
        }
    }

    public var description: String { "\(field): \(message)" }
}
