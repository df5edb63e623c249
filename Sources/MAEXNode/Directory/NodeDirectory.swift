import Foundation
import MAEXCore

/// A node's data folder:
///
/// - `node.json`: the public `NodeInfo` (name, role, scope, realm, node id, created at);
/// - `node.key`: the 32-byte Ed25519 seed in hex, mode 0600; never printed or logged;
/// - `maex.sqlite`: the store (log and derived register);
/// - `node.lock`: the lock held while the node authors a change set.
///
/// `create` refuses to overwrite anything of an existing node; `open` fails clearly on a folder
/// that is not a node.
public struct NodeDirectory: Sendable {
    /// The file holding the public node information.
    public static let infoFileName = "node.json"
    /// The file holding the secret key seed.
    public static let keyFileName = "node.key"
    /// The SQLite store.
    public static let storeFileName = "maex.sqlite"
    /// The authoring lock.
    public static let lockFileName = "node.lock"

    /// The folder.
    public let url: URL
    /// What `node.json` says.
    public let info: NodeInfo
    /// The node's signing key, read from `node.key`.
    public let signingKey: SigningKey

    /// The node's identity.
    public var nodeID: NodeID { info.nodeID }
    /// The path of the SQLite store.
    public var storeURL: URL { url.appendingPathComponent(Self.storeFileName) }
    /// The lock serialising the node's own writes.
    public var authoringLock: FileLock { FileLock(path: url.appendingPathComponent(Self.lockFileName).path) }

    init(url: URL, info: NodeInfo, signingKey: SigningKey) {
        self.url = url
        self.info = info
        self.signingKey = signingKey
    }
}
