/// Token buckets per key (a client address, a node id): the pure rate-limit decision, with the
/// time passed in and bounded memory.
///
/// Every key starts with a full bucket of `rate.burst` tokens, refilled continuously at
/// `rate.perSecond`; a request takes one token or is refused with the wait until one is
/// available. At most `capacity` keys are tracked: when full, buckets that have refilled
/// completely (indistinguishable from new ones) are dropped first, then the least recently
/// used one.
public struct TokenBuckets<Key: Hashable & Sendable>: Sendable {
    /// The decision for one request.
    public enum Decision: Sendable, Hashable {
        /// Allowed; one token taken.
        case allowed
        /// Refused; a token is available again after this many milliseconds (at least 1).
        case limited(retryAfterMilliseconds: Int64)
    }

    private struct Bucket: Sendable {
        var tokens: Double
        var updated: Int64
    }

    /// The rate of every bucket.
    public let rate: RateLimit
    /// The most keys tracked at once.
    public let capacity: Int
    private var buckets: [Key: Bucket] = [:]

    /// Creates empty buckets.
    public init(rate: RateLimit, capacity: Int = 10_000) {
        self.rate = rate
        self.capacity = max(1, capacity)
    }

    /// The number of keys tracked.
    public var count: Int { buckets.count }

    /// Takes a token for `key` at time `now` (milliseconds, any monotonic origin).
    public mutating func take(_ key: Key, now: Int64) -> Decision {
        var bucket = buckets[key].map { refilled($0, now: now) } ?? Bucket(tokens: Double(rate.burst), updated: now)
        if buckets[key] == nil, buckets.count >= capacity { makeRoom(now: now) }
        guard bucket.tokens >= 1 else {
            buckets[key] = bucket
            let wait = ((1 - bucket.tokens) / rate.perSecond * 1000).rounded(.up)
            return .limited(retryAfterMilliseconds: max(1, Int64(min(wait, 86_400_000))))
        }
        bucket.tokens -= 1
        buckets[key] = bucket
        return .allowed
    }

    private func refilled(_ bucket: Bucket, now: Int64) -> Bucket {
        let elapsed = Double(max(0, now - bucket.updated)) / 1000
        return Bucket(tokens: min(Double(rate.burst), bucket.tokens + elapsed * rate.perSecond), updated: max(now, bucket.updated))
    }

    private mutating func makeRoom(now: Int64) {
        buckets = buckets.filter { refilled($0.value, now: now).tokens < Double(rate.burst) }
        guard buckets.count >= capacity, let oldest = buckets.min(by: { $0.value.updated < $1.value.updated }) else { return }
        buckets[oldest.key] = nil
    }
}
