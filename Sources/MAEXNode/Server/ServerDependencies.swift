import Logging
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

    /// The body reader with the configured limit.
    var bodyReader: RequestBodyReader { RequestBodyReader(maxBodyBytes: configuration.maxBodyBytes, executor: executor) }

    /// Runs a store call off the concurrency pool.
    func withStore<T: Sendable>(_ body: @escaping @Sendable (NodeStore) throws -> T) async throws -> T {
        let store = node.store
        return try await executor.run { try body(store) }
    }
}
