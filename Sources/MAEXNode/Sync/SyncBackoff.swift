/// How long the replicator waits before trying a peer again after failed rounds.
///
/// Exponential with "equal jitter": after `n` consecutive failures the wait is uniformly random
/// in `[d/2, d]` with `d = min(maximum, initial * 2^(n-1))`, so a peer that is down is tried
/// less and less often, and nodes that lost the same peer do not retry in lockstep. Pure.
public struct SyncBackoff: Sendable, Hashable {
    /// The cap of the first wait.
    public var initial: Duration
    /// The longest wait.
    public var maximum: Duration

    /// Creates a back-off; `maximum` is raised to `initial` when smaller.
    public init(initial: Duration = .seconds(1), maximum: Duration = .seconds(300)) {
        self.initial = initial
        self.maximum = max(initial, maximum)
    }

    /// The cap of the wait after `failures` consecutive failures (1-based).
    public func cap(afterFailures failures: Int) -> Duration {
        let exponent = min(max(failures - 1, 0), 30)
        let grown = initial * (1 << exponent)
        return grown < maximum ? grown : maximum
    }

    /// The wait after `failures` consecutive failures for a random `unit` in `[0, 1)`.
    public func delay(afterFailures failures: Int, unit: Double) -> Duration {
        let cap = cap(afterFailures: failures)
        let unit = min(max(unit, 0), 1)
        return cap / 2 + cap * (unit / 2)
    }
}
