import MAEXWire

/// How a node authenticates the sync requests of its peers (HTTP Message Signatures, RFC 9421)
/// and limits their rate.
///
/// `GET /v1/sync/vector`, `POST /v1/sync/pull` and `POST /v1/sync/push` must be signed by the
/// calling node; the public register (pages, initiatives, digest, node, health, metrics, the
/// OpenAPI document) stays open.
public struct PeerAuthConfiguration: Sendable, Hashable {
    /// Whether the sync endpoints require a signature. Off only for tests of other concerns.
    public var isRequired: Bool
    /// The `@authority` values (`host[:port]`, lower case) that name this node. Empty: any host
    /// at the port the server is bound to (enough when every node has its own port; set this
    /// when nodes share a port behind different names, or are reached through a mapped port).
    public var authorities: [String]
    /// Validity window and clock skew of signatures.
    public var signaturePolicy: SignaturePolicy
    /// Whether a validly signed push from a node outside the network (no certificate) is
    /// served. Off by default: such pushes get 403. Pushes of revoked nodes always get 403.
    /// Signed reads of the sync state (vector, pull) are served to any node (the register is
    /// public anyway, and a revoked node learns of its revocation).
    public var admitsUnknownPeers: Bool
    /// The rate per client address, checked before anything else.
    public var perAddress: RateLimit
    /// The rate per node id, checked once the signature verified.
    public var perNode: RateLimit
    /// The most addresses and node ids tracked by the rate limits.
    public var trackedClients: Int
    /// The most nonces remembered at once.
    public var nonceCapacity: Int

    /// Creates a configuration; the defaults suit a node syncing with a few dozen peers.
    public init(
        isRequired: Bool = true,
        authorities: [String] = [],
        signaturePolicy: SignaturePolicy = SignaturePolicy(),
        admitsUnknownPeers: Bool = false,
        perAddress: RateLimit = RateLimit(burst: 300, perSecond: 100),
        perNode: RateLimit = RateLimit(burst: 120, perSecond: 40),
        trackedClients: Int = 10_000,
        nonceCapacity: Int = 100_000
    ) {
        self.isRequired = isRequired
        self.authorities = authorities.map { SignatureMessage.normalizedAuthority($0) }
        self.signaturePolicy = signaturePolicy
        self.admitsUnknownPeers = admitsUnknownPeers
        self.perAddress = perAddress
        self.perNode = perNode
        self.trackedClients = trackedClients
        self.nonceCapacity = nonceCapacity
    }

    /// Whether `authority` (normalised) names this node, given the port the server is bound to.
    public func accepts(authority: String, boundPort: Int?) -> Bool {
        if !authorities.isEmpty { return authorities.contains { SignatureMessage.normalizedAuthority($0) == authority } }
        guard let boundPort, boundPort > 0 else { return false }
        return Self.port(of: authority) == boundPort
    }

    /// The port of `host[:port]` (80 when none is written; IPv6 literals in brackets).
    static func port(of authority: String) -> Int? {
        let afterHost: Substring
        if authority.hasPrefix("[") {
            guard let close = authority.firstIndex(of: "]") else { return nil }
            afterHost = authority[authority.index(after: close)...]
        } else {
            afterHost = authority.firstIndex(of: ":").map { authority[$0...] } ?? ""
        }
        guard !afterHost.isEmpty else { return 80 }
        guard afterHost.hasPrefix(":") else { return nil }
        return Int(afterHost.dropFirst())
    }
}
