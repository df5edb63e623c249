import Dispatch

/// Runs blocking work (SQLite through `NodeStore`) on a dispatch queue instead of a thread of
/// Swift's cooperative pool, which has only as many threads as cores and also runs the server.
enum Offload {
    private static let queue = DispatchQueue(label: "maex.sync.store", qos: .utility, attributes: .concurrent)

    /// Runs `body` on the offload queue and returns its result.
    static func run<T: Sendable, E: Error>(_ body: @escaping @Sendable () throws(E) -> T) async throws(E) -> T {
        let result: Result<T, E> = await withCheckedContinuation { continuation in
            queue.async { continuation.resume(returning: Result { () throws(E) -> T in try body() }) }
        }
        return try result.get()
    }
}
