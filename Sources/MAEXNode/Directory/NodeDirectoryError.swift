/// Why a node's data folder cannot be created or opened. Every case names the path or value at
/// fault; none ever contains key material.
public enum NodeDirectoryError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The folder already holds a node (or the remains of one); nothing was overwritten.
    case alreadyANode(path: String, file: String)
    /// The folder is missing or holds no node.
    case notANode(path: String, reason: String)
    /// The node name is empty or too long.
    case invalidName(String)
    /// No scope code was given.
    case emptyScope(role: NodeRole)
    /// A scope code does not fit the role.
    case invalidScope(code: String, role: NodeRole)
    /// The realm is not 1 to 64 of `[a-z0-9.-]`.
    case invalidRealm(String)
    /// `node.json` cannot be read or does not describe a node.
    case corruptInfo(path: String, reason: String)
    /// `node.key` does not hold a 32-byte seed in hex, or it does not match `node.json`.
    case corruptKey(path: String, reason: String)
    /// `node.key` can be read by others than its owner.
    case insecureKeyFile(path: String, mode: UInt32)
    /// The national node holds the network's root; every other node names it (`--root`).
    case rootMismatch(role: NodeRole)
    /// A file system call failed.
    case io(path: String, operation: String, reason: String)

    public var description: String {
        switch self {
        case .alreadyANode(let path, let file):
            "\(path) already holds a node (\(file) exists); refusing to overwrite it"
        case .notANode(let path, let reason): "\(path) is not a node folder: \(reason)"
        case .invalidName(let name): "invalid node name \"\(name.prefix(80))\": expected 1 to 200 characters"
        case .emptyScope(let role): "a \(role) node needs at least one scope code (\(role.scopeExplanation))"
        case .invalidScope(let code, let role):
            "invalid scope code \"\(code.prefix(40))\" for a \(role) node: expected \(role.scopeExplanation)"
        case .invalidRealm(let realm): "invalid realm \"\(realm.prefix(80))\": expected 1 to 64 of a-z, 0-9, '.' and '-'"
        case .corruptInfo(let path, let reason): "cannot read \(path): \(reason)"
        case .corruptKey(let path, let reason): "bad key file \(path): \(reason)"
        case .insecureKeyFile(let path, let mode):
            "key file \(path) has mode \(String(mode, radix: 8)); it must be readable by its owner only (chmod 600)"
        case .rootMismatch(let role):
            role == .national
                ? "the national node creates the network's root key itself; do not pass --root"
                : "a \(role) node joins a network: pass --root with the national node's id (maex-node id on the national node)"
        case .io(let path, let operation, let reason): "cannot \(operation) \(path): \(reason)"
        }
    }
}
