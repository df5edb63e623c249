/// The nonces of accepted signed requests, remembered until their signature expires: the pure
/// replay decision, with the time passed in and bounded memory.
///
/// A nonce is remembered per signer until `forgetAt` (its `expires` plus the clock skew):
/// after that the signature itself is refused as expired, so the nonce need not be kept. When
/// `capacity` live nonces are held, a new one is refused as `.full` rather than forgetting a
/// live one (which would allow a replay).
public struct NonceCache: Sendable {
    /// The decision for one nonce.
    public enum Decision: Sendable, Hashable {
        /// First use: remembered.
        case fresh
        /// Already used within its validity.
        case replayed
        /// Too many live nonces; retry after this many seconds.
        case full(retryAfterSeconds: Int64)
    }

    private struct Key: Hashable, Sendable {
        let signer: String
        let nonce: String
    }

    /// The most nonces held at once.
    public let capacity: Int
    private var forgetAt: [Key: Int64] = [:]
    /// Keys in insertion order with their time to forget (a queue: `head` is the next to check).
    private var queue: [(key: Key, forgetAt: Int64)] = []
    private var head = 0

    /// Creates an empty cache.
    public init(capacity: Int = 100_000) {
        self.capacity = max(1, capacity)
    }

    /// The number of nonces held.
    public var count: Int { forgetAt.count }

    /// Records `nonce` of `signer`, to be forgotten at `forgetAt` (Unix seconds), at time `now`.
    public mutating func use(_ nonce: String, signer: String, forgetAt time: Int64, now: Int64) -> Decision {
        purge(now: now)
        let key = Key(signer: signer, nonce: nonce)
        if let held = forgetAt[key], held >= now { return .replayed }
        guard forgetAt.count < capacity else {
            let soonest = forgetAt.values.min() ?? now
            return .full(retryAfterSeconds: max(1, soonest - now + 1))
        }
        forgetAt[key] = time
        queue.append((key, time))
        return .fresh
    }

    /// Forgets every nonce whose time has passed. Validity windows are short and bounded, so
    /// the queue is nearly ordered by time: entries are dropped from its head, and a full scan
    /// runs only when the cache is at capacity.
    private mutating func purge(now: Int64) {
        while head < queue.count, queue[head].forgetAt < now {
            let entry = queue[head]
            if forgetAt[entry.key] == entry.forgetAt { forgetAt[entry.key] = nil }
            head += 1
        }
        if head > 1024, head * 2 > queue.count {
            queue.removeFirst(head)
            head = 0
        }
        if forgetAt.count >= capacity {
            forgetAt = forgetAt.filter { $0.value >= now }
            queue = queue[head...].filter { forgetAt[$0.key] == $0.forgetAt }
            head = 0
        }
    }
}
