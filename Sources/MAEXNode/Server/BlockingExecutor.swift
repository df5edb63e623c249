import Dispatch
import Synchronization

/// Runs blocking work (SQLite through GRDB, compression) on a dispatch queue of its own, so the
/// Swift concurrency pool (two threads on a small machine) and the event loops stay free. The
/// one executor for such work in the server and the sync rounds.
///
/// Bounded: at most `width` jobs run at once; the others wait in order without holding a
/// thread, so a burst of requests cannot pile up threads that only wait on SQLite's locks.
final class BlockingExecutor: Sendable {
    /// Jobs run at once unless told otherwise: a little more than SQLite's readers (GRDB's
    /// pool keeps five) plus the writer.
    static let defaultWidth = 8

    /// The executor of the sync rounds' store calls.
    static let sync = BlockingExecutor(label: "maex.sync.store")

    /// How many jobs run at once.
    let width: Int
    private let queue: DispatchQueue
    private let state = Mutex(Queue())

    /// An executor whose work runs, at most `width` jobs at once, on a queue labelled `label`.
    init(label: String, width: Int = BlockingExecutor.defaultWidth) {
        self.width = max(1, width)
        queue = DispatchQueue(label: label, attributes: .concurrent)
    }

    /// Runs `body` on the queue (once a slot is free) and returns its result.
    func run<T: Sendable, E: Error>(_ body: @escaping @Sendable () throws(E) -> T) async throws(E) -> T {
        let result: Result<T, E> = await withCheckedContinuation { continuation in
            submit { continuation.resume(returning: Result { () throws(E) -> T in try body() }) }
        }
        return try result.get()
    }

    /// Starts `job` now when a slot is free, else queues it.
    private func submit(_ job: @escaping @Sendable () -> Void) {
        let startsNow = state.withLock { queue in
            guard queue.running < width else {
                queue.waiting.append(job)
                return false
            }
            queue.running += 1
            return true
        }
        if startsNow { launch(job) }
    }

    /// Runs `job`, then the next waiting one in the same slot (or frees the slot).
    private func launch(_ job: @escaping @Sendable () -> Void) {
        queue.async { [self] in
            job()
            let next = state.withLock { queue -> (@Sendable () -> Void)? in
                guard queue.head < queue.waiting.count else {
                    queue.running -= 1
                    queue.waiting.removeAll(keepingCapacity: true)
                    queue.head = 0
                    return nil
                }
                defer { queue.head += 1 }
                return queue.waiting[queue.head]
            }
            if let next { launch(next) }
        }
    }

    /// The slots in use and the jobs waiting (`waiting[head...]`).
    private struct Queue: Sendable {
        var running = 0
        var waiting: [@Sendable () -> Void] = []
        var head = 0
    }
}
