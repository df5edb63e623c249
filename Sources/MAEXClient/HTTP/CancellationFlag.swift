import Foundation

/// A flag set from a task-cancellation handler and read by libcurl's progress callback.
final class CancellationFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var cancelled = false

    /// Marks the exchange as cancelled.
    func cancel() {
        lock.withLock { cancelled = true }
    }

    /// Whether `cancel()` was called.
    var isCancelled: Bool {
        lock.withLock { cancelled }
    }
}
