/// Batch bounds of a sync round. A round never holds more than one batch in memory.
public struct SyncLimits: Sendable, Hashable {
    /// The most change sets asked for in one pull (the peer may cap it lower).
    public var pullCount: Int
    /// About the most body and signature bytes asked for in one pull.
    public var pullBytes: Int
    /// The most change sets sent in one push.
    public var pushCount: Int
    /// About the most body and signature bytes sent in one push.
    public var pushBytes: Int

    /// Creates limits; each is raised to at least 1.
    public init(pullCount: Int = 1000, pullBytes: Int = 2 << 20, pushCount: Int = 500, pushBytes: Int = 1 << 20) {
        self.pullCount = max(1, pullCount)
        self.pullBytes = max(1, pullBytes)
        self.pushCount = max(1, pushCount)
        self.pushBytes = max(1, pushBytes)
    }

    /// The defaults: pulls of up to 1000 change sets or 2 MiB, pushes of 500 or 1 MiB.
    public static let standard = SyncLimits()
}
