import Foundation
import MAEXCore

/// What `node.json` says about a node: who it is, what it covers and which network it joins.
///
/// Public information only; the secret key lives in `node.key`. Unknown keys in the file are
/// ignored, so later versions can add settings.
public struct NodeInfo: Codable, Equatable, Sendable {
    /// The file format version this implementation writes.
    public static let currentFormat = 1
    /// The realm (network) a node joins unless told otherwise.
    public static let defaultRealm = "maex-nl"

    /// The file format version.
    public var format: Int
    /// A human name, e.g. `Gemeente Vlissingen`.
    public var name: String
    /// The kind of partner running the node.
    public var role: NodeRole
    /// The codes the node covers, sorted and without repeats (`GM0718`, `PV29`, `NL`, a fund word).
    public var scope: [String]
    /// The network this node belongs to.
    public var realm: String
    /// The node's identity: its public key.
    public var nodeID: NodeID
    /// The network's root key (the national node's id; the node's own id on the national node).
    /// Every change set is judged by the certificates that chain up to it.
    public var root: NodeID
    /// When the node was created.
    public var createdAt: Date

    /// Whether this node holds the network's root key.
    public var isRoot: Bool { nodeID == root }

    /// Creates node information after checking name, role scope, realm and root.
    public init(
        name: String, role: NodeRole, scope: [String], realm: String, nodeID: NodeID, root: NodeID, createdAt: Date
    ) throws(NodeDirectoryError) {
        self.format = Self.currentFormat
        self.name = name
        self.role = role
        self.scope = Array(Set(scope)).sorted()
        self.realm = realm
        self.nodeID = nodeID
        self.root = root
        self.createdAt = createdAt
        try validate()
    }

    enum CodingKeys: String, CodingKey {
        case format, name, role, scope, realm, root
        case nodeID = "node_id"
        case createdAt = "created_at"
    }
}
