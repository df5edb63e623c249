/// A token-bucket rate: up to `burst` requests at once, refilled at `perSecond` requests a
/// second.
public struct RateLimit: Sendable, Hashable {
    /// The bucket size: requests allowed in a burst.
    public var burst: Int
    /// Tokens added per second.
    public var perSecond: Double

    /// Creates a rate; `burst` is at least 1 and `perSecond` above 0.
    public init(burst: Int, perSecond: Double) {
        self.burst = max(1, burst)
        self.perSecond = perSecond > 0 ? perSecond : 0.001
    }
}
