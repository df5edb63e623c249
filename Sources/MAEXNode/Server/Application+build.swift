import Hummingbird
import HummingbirdCore
import Logging
import ServiceLifecycle

/// Builds the node's HTTP server: the composition root of the HTTP API.
///
/// - Parameters:
///   - configuration: where to listen and the limits.
///   - node: the node served: its information, store and wall clock.
///   - logger: the server's logger; requests are logged at debug level, failures at error.
///   - services: further services to run with the server (e.g. the replicator); they start
///     with it and shut down with it.
///   - onServerRunning: called once the server listens, with the bound port (useful with
///     port 0).
/// - Returns: the application; run it with `runService()` (stops on SIGINT/SIGTERM) or inside
///   a `ServiceGroup`, or test it with `HummingbirdTesting`.
public func buildApplication(
    configuration: NodeServerConfiguration,
    node: ServedNode,
    logger: Logger,
    services: [any Service] = [],
    onServerRunning: @escaping @Sendable (Int) async -> Void = { _ in }
) -> some ApplicationProtocol {
    let metrics = ServerMetrics()
    let dependencies = ServerDependencies(
        node: node, configuration: configuration, executor: BlockingExecutor(label: "maex.server.store"), metrics: metrics,
        logger: logger)
    let router = buildRouter(dependencies)
    return Application(
        router: router,
        server: configuration.tls?.server ?? .http1(configuration: configuration.http1Channel),
        configuration: ApplicationConfiguration(
            address: .hostname(configuration.host, port: configuration.port),
            serverName: configuration.serverName,
            availableConnectionsDelegate: MaximumAvailableConnections(configuration.maxConnections, logger: logger)),
        services: services,
        onServerRunning: { channel in
            let port = channel.localAddress?.port ?? configuration.port
            dependencies.peerAuth.boundPort = port
            await onServerRunning(port)
        },
        logger: logger)
}

/// The router: middleware (outermost first) and every controller's routes.
func buildRouter(_ dependencies: ServerDependencies) -> Router<NodeRequestContext> {
    let router = Router(context: NodeRequestContext.self)
    router.add(middleware: LogRequestsMiddleware(.debug))
    router.add(middleware: RequestMetricsMiddleware(metrics: dependencies.metrics))
    router.add(middleware: GzipMiddleware(minimumBytes: dependencies.configuration.gzipMinimumBytes, executor: dependencies.executor))
    router.add(middleware: ErrorMiddleware(maxBodyBytes: dependencies.configuration.maxBodyBytes, logger: dependencies.logger))
    router.add(middleware: ETagMiddleware())
    NodeController(dependencies: dependencies).addRoutes(to: router)
    SyncController(dependencies: dependencies).addRoutes(to: router)
    InitiativesController(dependencies: dependencies).addRoutes(to: router)
    InitiativeWriteController(dependencies: dependencies).addRoutes(to: router)
    InspectionController(dependencies: dependencies).addRoutes(to: router)
    ImpulsController(dependencies: dependencies).addRoutes(to: router)
    ImpulsPagesController(dependencies: dependencies).addRoutes(to: router)
    ImpulsFormController(dependencies: dependencies).addRoutes(to: router)
    MetricsController(dependencies: dependencies).addRoutes(to: router)
    OpenAPIController().addRoutes(to: router)
    PagesController(dependencies: dependencies).addRoutes(to: router)
    FormsController(dependencies: dependencies).addRoutes(to: router)
    HSDSController(dependencies: dependencies).addRoutes(to: router)
    OpenDataController(dependencies: dependencies).addRoutes(to: router)
    NoticesController(dependencies: dependencies).addRoutes(to: router)
    return router
}

extension Duration {
    /// Whole nanoseconds, clamped to `Int64`.
    var nanosecondsClamped: Int64 {
        let (seconds, attoseconds) = components
        let (product, overflow) = seconds.multipliedReportingOverflow(by: 1_000_000_000)
        guard !overflow else { return seconds < 0 ? .min : .max }
        return product.addingReportingOverflow(attoseconds / 1_000_000_000).overflow ? .max : product + attoseconds / 1_000_000_000
    }
}
