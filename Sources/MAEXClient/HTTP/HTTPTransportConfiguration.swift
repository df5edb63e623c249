/// Limits and timeouts of an `HTTPTransport`.
public struct HTTPTransportConfiguration: Sendable, Hashable {
    /// The longest wait for the TCP (and TLS) connection to be established.
    public var connectTimeout: Duration
    /// The transfer is aborted when fewer than `lowSpeedLimit` bytes per second move for
    /// `lowSpeedTime` (a peer that stalls mid-response).
    public var lowSpeedLimit: Int
    /// See `lowSpeedLimit`; whole seconds (rounded up).
    public var lowSpeedTime: Duration
    /// The longest a whole exchange may take, connect included (per attempt).
    public var totalTimeout: Duration
    /// The largest decoded response body accepted; a bigger one aborts the transfer with
    /// `ClientError.responseTooLarge`.
    public var maxResponseBytes: Int
    /// The retry schedule for transient failures.
    public var retry: RetryPolicy
    /// The `User-Agent` header value.
    public var userAgent: String
    /// What an `https://` peer's certificate is checked against (always checked).
    public var tls = PeerTLS()

    /// Creates a configuration; the defaults suit peers on a LAN or the internet.
    public init(
        connectTimeout: Duration = .seconds(5),
        lowSpeedLimit: Int = 1,
        lowSpeedTime: Duration = .seconds(30),
        totalTimeout: Duration = .seconds(120),
        maxResponseBytes: Int = 8 << 20,
        retry: RetryPolicy = .standard,
        userAgent: String = "maex-node"
    ) {
        self.connectTimeout = connectTimeout
        self.lowSpeedLimit = lowSpeedLimit
        self.lowSpeedTime = lowSpeedTime
        self.totalTimeout = totalTimeout
        self.maxResponseBytes = maxResponseBytes
        self.retry = retry
        self.userAgent = userAgent
    }
}
