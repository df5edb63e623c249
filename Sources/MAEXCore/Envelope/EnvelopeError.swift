/// Why a change set is refused. Every case names what is wrong in words a node operator reads.
public enum EnvelopeError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The signed bytes exceed the size limit.
    case tooLarge(size: Int, limit: Int)
    /// The signed bytes are not canonical JSON.
    case malformedJSON(JSONError)
    /// A required field is absent.
    case missingField(String)
    /// A field has a value of the wrong kind or out of range.
    case invalidValue(field: String, reason: String)
    /// The top level holds a key this schema version does not define.
    case unknownField(String)
    /// The schema version is not a positive integer.
    case unsupportedVersion(Int64)
    /// The change set belongs to another network.
    case wrongRealm(expected: String, actual: String)
    /// The author id is not an acceptable Ed25519 public key.
    case invalidAuthor(KeyError)
    /// The signature does not verify for the author's key over the exact bytes.
    case badSignature

    public var description: String {
        switch self {
        case .tooLarge(let size, let limit): "change set of \(size) bytes exceeds the limit of \(limit) bytes"
        case .malformedJSON(let error): "change set is not canonical JSON: \(error)"
        case .missingField(let name): "change set lacks the field \"\(name)\""
        case .invalidValue(let field, let reason): "invalid \"\(field)\": \(reason)"
        case .unknownField(let name): "unknown field \"\(name)\" for this schema version"
        case .unsupportedVersion(let version): "unsupported schema version \(version)"
        case .wrongRealm(let expected, let actual): "change set is for network \"\(actual)\", not \"\(expected)\""
        case .invalidAuthor(let error): "invalid author key: \(error)"
        case .badSignature: "signature does not verify"
        }
    }
}
