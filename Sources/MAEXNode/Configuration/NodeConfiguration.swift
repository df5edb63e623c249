import Foundation
import MAEXClient
import MAEXCore

/// How one node runs: who it is (name, role, scope, realm), where it listens and keeps its data,
/// and which peers it syncs with how often. Read from a TOML file in `nodes/` (see
/// `NodeConfiguration(tomlFile:)`); holds no secrets (the key lives in the data folder).
///
/// ```toml
/// name = "Gemeente Vlissingen"
/// role = "municipality"
/// scope = ["GM0718"]
/// realm = "maex-nl"            # optional, default maex-nl
/// root = "<64-hex node id>"    # the national node's id; not for role = "national"
/// listen = "127.0.0.1:8083"
/// data = "demo-data/vlissingen"
///
/// [sync]
/// peers = ["http://127.0.0.1:8082/"]
/// interval = 10                # seconds, optional, default 30
/// authors = ["<64-hex node id>"] # optional: pull only these authors' change sets
///
/// [auth]                       # optional: signed sync requests and rate limits
/// authorities = ["hub.example:8082"] # the host:port names peers use for this node
/// admit_unknown_peers = true   # serve validly signed nodes the directory does not know
/// address_rate = 100           # requests per second per client address (burst: address_burst)
/// node_rate = 40               # requests per second per node id (burst: node_burst)
/// [admin]
/// allow_remote = false         # optional: accept admin requests from other hosts than loopback
/// [privacy]                    # optional: see `PrivacyNotice`
/// controller = "Gemeente Vlissingen"
/// contact_email = "privacy@vlissingen.nl"
/// [tls]                        # optional: see `NodeTLSConfiguration`
/// cert = "node.crt"            # serve HTTPS (with key = "node.key")
/// ca_file = "ca.pem"           # check peers' certificates against this CA
/// ```
public struct NodeConfiguration: Sendable, Hashable {
    /// The default time between rounds with a peer.
    public static let defaultSyncInterval: Duration = .seconds(30)

    /// The node's name.
    public var name: String
    /// The kind of partner.
    public var role: NodeRole
    /// The codes the node covers.
    public var scope: [String]
    /// The network.
    public var realm: String
    /// The network's root (the national node's id), needed to create any other node.
    public var root: NodeID?
    /// Where the HTTP server listens.
    public var listen: ListenAddress
    /// The data folder (relative paths are relative to the working directory).
    public var dataPath: String
    /// The peers' base URLs, validated.
    public var peers: [PeerURL]
    /// The time between sync rounds with each peer.
    public var syncInterval: Duration
    /// Pull only the change sets of these authors (`[sync] authors`); `nil` pulls every
    /// author's. The node then holds only their change sets and its own.
    public var authors: Set<NodeID>?
    /// Signed sync requests and rate limits (`[auth]`).
    public var peerAuth: PeerAuthConfiguration
    /// Whether admin requests (edit forms, write API) are accepted from other addresses than
    /// loopback (`[admin] allow_remote = true`); off by default.
    public var allowRemoteAdmin = false
    /// The licence of the node's open data (`[open_data] licence` and `licence_url`; CC BY 4.0
    /// when absent).
    public var openDataLicence = OpenDataLicence.ccBy40
    /// The partners whose goals the node shows (`[[partners]]`: slug, name, area, goals).
    public var partners: [PartnerGoals] = []
    /// Who answers for the node's personal data (`[privacy]`), for the privacy page and the
    /// accessibility statement.
    public var privacy = PrivacyNotice.unset
    /// HTTPS: the server's certificate and how peers' certificates are checked (`[tls]`).
    public var tls = NodeTLSConfiguration()

    /// Creates a configuration after checking role, scope and realm.
    public init(
        name: String, role: NodeRole, scope: [String], realm: String = NodeInfo.defaultRealm, root: NodeID? = nil,
        listen: ListenAddress,
        dataPath: String, peers: [PeerURL] = [], syncInterval: Duration = NodeConfiguration.defaultSyncInterval,
        authors: Set<NodeID>? = nil, peerAuth: PeerAuthConfiguration = PeerAuthConfiguration()
    ) throws(NodeConfigurationError) {
        let trimmed = name.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty, name.count <= NodeInfo.maxNameLength, !name.contains(where: \.isNewline) else {
            throw .invalidValue(key: "name", value: name, reason: "expected 1 to \(NodeInfo.maxNameLength) characters on one line")
        }
        guard !scope.isEmpty else {
            throw .invalidValue(key: "scope", value: "[]", reason: "a \(role) node needs at least one code (\(role.scopeExplanation))")
        }
        if let bad = scope.first(where: { !role.isValidScopeCode($0) }) {
            throw .invalidValue(key: "scope", value: bad, reason: "not a scope code of a \(role) node (\(role.scopeExplanation))")
        }
        guard EnvelopeRules.isValidRealm(realm) else {
            throw .invalidValue(key: "realm", value: realm, reason: "expected 1 to 64 of a-z, 0-9, '.' and '-'")
        }
        guard !dataPath.isEmpty else { throw .invalidValue(key: "data", value: dataPath, reason: "the path is empty") }
        guard syncInterval > .zero else {
            throw .invalidValue(key: "sync.interval", value: "\(syncInterval)", reason: "must be more than 0 seconds")
        }
        self.name = name
        self.role = role
        self.scope = scope
        self.realm = realm
        self.root = root
        self.listen = listen
        self.dataPath = dataPath
        self.peers = peers
        self.syncInterval = syncInterval
        self.authors = authors
        self.peerAuth = peerAuth
    }
}
