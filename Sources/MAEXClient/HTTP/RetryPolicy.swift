/// When and how long to wait before sending a request again.
///
/// Delays grow exponentially with full jitter: before retry `n` (1-based) the transport waits a
/// uniformly random time in `[0, min(maxDelay, baseDelay * 2^(n-1))]`. A `Retry-After` header
/// raises the wait to what the peer asked for; if the peer asks for more than `maxDelay`, the
/// response is returned to the caller instead of waiting inline.
public struct RetryPolicy: Sendable, Hashable {
    /// Total attempts including the first; 1 disables retries.
    public var maxAttempts: Int
    /// The cap of the first retry's random delay.
    public var baseDelay: Duration
    /// The largest delay ever waited inline.
    public var maxDelay: Duration
    /// Response statuses that are retried. 4xx other than 429 never belong here.
    public var retryableStatuses: Set<Int>

    /// Creates a policy.
    public init(
        maxAttempts: Int = 4,
        baseDelay: Duration = .milliseconds(250),
        maxDelay: Duration = .seconds(10),
        retryableStatuses: Set<Int> = [429, 502, 503, 504]
    ) {
        self.maxAttempts = max(1, maxAttempts)
        self.baseDelay = baseDelay
        self.maxDelay = maxDelay
        self.retryableStatuses = retryableStatuses
    }

    /// Four attempts, 250 ms base, 10 s cap, retrying 429/502/503/504.
    public static let standard = RetryPolicy()

    /// A single attempt.
    public static let none = RetryPolicy(maxAttempts: 1)

    /// The upper bound of the random delay before retry `retry` (1-based).
    public func delayCap(beforeRetry retry: Int) -> Duration {
        let exponent = min(max(retry - 1, 0), 30)
        let grown = baseDelay * (1 << exponent)
        return grown < maxDelay ? grown : maxDelay
    }

    /// The delay before retry `retry` (1-based) for a random `unit` in `[0, 1)`, honouring the
    /// peer's `Retry-After`; `nil` when the peer asked for longer than `maxDelay`.
    public func delay(beforeRetry retry: Int, unit: Double, retryAfter: Duration? = nil) -> Duration? {
        let jittered = delayCap(beforeRetry: retry) * min(max(unit, 0), 1)
        guard let retryAfter else { return jittered }
        guard retryAfter <= maxDelay else { return nil }
        return max(jittered, retryAfter)
    }
}
