import Dispatch
import Synchronization

/// Runs async work from a synchronous command's `run()`: the root command is a plain
/// `ParsableCommand`, so the async commands (serve, sync, demo) block the main thread on a
/// semaphore while their work runs on Swift's concurrency pool.
enum AsyncBridge {
    /// Runs `body` and returns its result (or rethrows its error).
    static func run<T: Sendable>(_ body: @escaping @Sendable () async throws -> T) throws -> T {
        let outcome = Mutex<Result<T, any Error>?>(nil)
        let done = DispatchSemaphore(value: 0)
        Task {
            let result: Result<T, any Error>
            do { result = .success(try await body()) } catch { result = .failure(error) }
            outcome.withLock { $0 = result }
            done.signal()
        }
        done.wait()
        guard let result = outcome.withLock({ $0 }) else { preconditionFailure("async work ended without a result") }
        return try result.get()
    }
}
