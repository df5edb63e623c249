/// The sync rounds' name for `BlockingExecutor.sync`, the store calls' executor (kept while the
/// sync round is being changed elsewhere; call `BlockingExecutor.sync.run` directly).
enum Offload {
    /// Runs `body` on `BlockingExecutor.sync` and returns its result.
    static func run<T: Sendable, E: Error>(_ body: @escaping @Sendable () throws(E) -> T) async throws(E) -> T {
        try await BlockingExecutor.sync.run(body)
    }
}
