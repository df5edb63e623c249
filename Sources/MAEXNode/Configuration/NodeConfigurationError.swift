/// Why a node configuration file cannot be used. Every case names the file (when known) and
/// the key at fault, so the operator knows what to fix.
public enum NodeConfigurationError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The file cannot be read.
    case unreadable(path: String, reason: String)
    /// The file is not valid TOML.
    case syntax(path: String, line: Int, column: Int, message: String)
    /// A required key is missing.
    case missingKey(String)
    /// A key has a value of the wrong TOML type.
    case wrongType(key: String, expected: String)
    /// A key this version does not know (a typo, most likely).
    case unknownKey(String)
    /// A value of the right type that is not acceptable.
    case invalidValue(key: String, value: String, reason: String)
    /// One of the errors above, found in the file at `path`.
    indirect case inFile(path: String, NodeConfigurationError)

    public var description: String {
        switch self {
        case .unreadable(let path, let reason): "cannot read the configuration \(path): \(reason)"
        case .syntax(let path, let line, let column, let message): "\(path):\(line):\(column): not valid TOML: \(message)"
        case .missingKey(let key): "the key \"\(key)\" is missing"
        case .wrongType(let key, let expected): "the key \"\(key)\" must be \(expected)"
        case .unknownKey(let key): "unknown key \"\(key)\" (check its spelling)"
        case .invalidValue(let key, let value, let reason): "invalid \(key) \"\(value.prefix(100))\": \(reason)"
        case .inFile(let path, let error): "\(path): \(error.description)"
        }
    }
}
