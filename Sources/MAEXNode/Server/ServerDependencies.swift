import Logging
import MAEXCore
import MAEXStore

/// What the controllers share: the node, its settings, the executor for blocking store calls,
/// the metrics and the logger.
struct ServerDependencies: Sendable {
    let node: ServedNode
    let configuration: NodeServerConfiguration
    let executor: BlockingExecutor
    let metrics: ServerMetrics
    let logger: Logger
    /// The registers the area pages derived, per area and register generation.
    let pageCache = PageCache()
    /// Rate-limit buckets, nonces and the bound port of peer authentication.
    let peerAuth: PeerAuthState
    /// A monotonic time in milliseconds, for rate limits.
    let monotonicClock: @Sendable () -> Int64
    /// Submissions of the public registration form per client address.
    let registrations: RegistrationThrottle

    init(
        node: ServedNode, configuration: NodeServerConfiguration, executor: BlockingExecutor, metrics: ServerMetrics, logger: Logger,
        monotonicClock: @escaping @Sendable () -> Int64 = ServerDependencies.monotonicMilliseconds
    ) {
        self.node = node
        self.configuration = configuration
        self.executor = executor
        self.metrics = metrics
        self.logger = logger
        self.peerAuth = PeerAuthState(configuration.peerAuth, boundPort: configuration.port)
        self.monotonicClock = monotonicClock
        self.registrations = RegistrationThrottle(rate: configuration.registrationLimit)
    }

    private static let origin = ContinuousClock.now

    /// Milliseconds since the process first asked.
    @Sendable static func monotonicMilliseconds() -> Int64 {
        (ContinuousClock.now - origin).wholeMilliseconds
    }

    /// The body reader with the configured limit.
    var bodyReader: RequestBodyReader { RequestBodyReader(maxBodyBytes: configuration.maxBodyBytes, executor: executor) }

    /// Runs a store call off the concurrency pool.
    func withStore<T: Sendable>(_ body: @escaping @Sendable (NodeStore) throws -> T) async throws -> T {
        let store = node.store
        return try await executor.run { try body(store) }
    }
}
