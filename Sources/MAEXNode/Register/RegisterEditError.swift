import MAEXCore

/// Why an edit of the register through the API, a form or the command line was refused. A
/// refused edit stores nothing.
public enum RegisterEditError: Error, Hashable, Sendable, CustomStringConvertible {
    /// Values that do not fit, every one named.
    case invalid([FieldProblem])
    /// No such initiative or sub-record (or it belongs to another initiative).
    case notFound(String)
    /// The record was deleted; deletes are final.
    case gone(String)
    /// The node cannot author edits (no key or admin access configured).
    case notEditable(String)

    public var description: String {
        switch self {
        case .invalid(let problems): "ongeldige invoer: " + problems.map(\.description).joined(separator: "; ")
        case .notFound(let text), .gone(let text), .notEditable(let text): text
        }
    }
}
