/// How the node's HTTP server listens and what it accepts.
///
/// Limits protect the node from bad or greedy peers: a request body larger than
/// `maxBodyBytes` is refused with 413 while it streams in, a pull answer holds at most
/// `maxPullCount` change sets and about `maxPullBytes` of them, at most `maxConnections` TCP
/// connections are served at once (further ones wait in the listen backlog until one closes),
/// a connection idle for `idleTimeout` is closed, and so is one whose request head takes longer
/// than `requestHeadTimeout`.
public struct NodeServerConfiguration: Sendable, Equatable {
    /// The address to bind, e.g. `127.0.0.1` or `0.0.0.0`.
    public var host: String
    /// The TCP port; 0 picks a free one (the bound port is passed to `onServerRunning`).
    public var port: Int
    /// The largest request body accepted, in bytes (after gzip decoding, when the body is
    /// sent with `Content-Encoding: gzip`).
    public var maxBodyBytes: Int
    /// The most change sets in one pull answer.
    public var maxPullCount: Int
    /// About the most change-set bytes (bodies and signatures) in one pull answer; at least
    /// one change set is always sent when any is missing.
    public var maxPullBytes: Int
    /// The most change sets in one push.
    public var maxPushCount: Int
    /// The largest page of `GET /v1/initiatives`.
    public var maxListLimit: Int
    /// The most connections served at once.
    public var maxConnections: Int
    /// How long a connection may stay idle before the server closes it.
    public var idleTimeout: Duration
    /// How long a request head may take to arrive (after the connection opened or the last
    /// answer) before the server closes the connection: slowloris clients that trickle their
    /// headers would otherwise hold every connection.
    public var requestHeadTimeout: Duration = .seconds(10)
    /// Responses at least this large are gzip-compressed for clients that accept it.
    public var gzipMinimumBytes: Int
    /// The `Server` header, if any.
    public var serverName: String?
    /// Signed sync requests and rate limits (see `PeerAuthConfiguration`).
    public var peerAuth: PeerAuthConfiguration
    /// How often one client address may submit the public registration form (default: 10 at
    /// once, then 20 an hour).
    public var registrationLimit: RateLimit
    /// The licence of the node's open data (`/open-data`, downloads, feeds): CC BY 4.0 unless
    /// the node's file says otherwise (`[open_data] licence`, `licence_url`).
    public var openDataLicence = OpenDataLicence.ccBy40
    /// The partners whose goals the node shows on `/partner/{slug}` (`[[partners]]`).
    public var partners: [PartnerGoals] = []
    /// HTTPS terminated by the node itself; `nil` serves plain HTTP.
    public var tls: ServerTLS?

    /// Creates a configuration; the defaults suit a node on a small machine.
    public init(
        host: String = "127.0.0.1",
        port: Int = 8080,
        maxBodyBytes: Int = 8 * 1024 * 1024,
        maxPullCount: Int = 1000,
        maxPullBytes: Int = 4 * 1024 * 1024,
        maxPushCount: Int = 10_000,
        maxListLimit: Int = 1000,
        maxConnections: Int = 256,
        idleTimeout: Duration = .seconds(60),
        gzipMinimumBytes: Int = 1024,
        serverName: String? = "maex-node",
        peerAuth: PeerAuthConfiguration = PeerAuthConfiguration(),
        registrationLimit: RateLimit = RateLimit(burst: 10, perSecond: 20.0 / 3600)
    ) {
        self.host = host
        self.port = port
        self.maxBodyBytes = maxBodyBytes
        self.maxPullCount = maxPullCount
        self.maxPullBytes = maxPullBytes
        self.maxPushCount = maxPushCount
        self.maxListLimit = maxListLimit
        self.maxConnections = maxConnections
        self.idleTimeout = idleTimeout
        self.gzipMinimumBytes = gzipMinimumBytes
        self.serverName = serverName
        self.peerAuth = peerAuth
        self.registrationLimit = registrationLimit
    }
}
