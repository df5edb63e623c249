import Dispatch

/// Runs blocking work (SQLite through GRDB) on a dispatch queue of its own, so the Swift
/// concurrency pool (two threads on a small machine) and the event loops stay free.
struct BlockingExecutor: Sendable {
    private let queue: DispatchQueue

    /// An executor whose work runs concurrently on a queue labelled `label`.
    init(label: String) {
        queue = DispatchQueue(label: label, attributes: .concurrent)
    }

    /// Runs `body` on the queue and returns its result.
    func run<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            queue.async { continuation.resume(with: Result { try body() }) }
        }
    }
}
