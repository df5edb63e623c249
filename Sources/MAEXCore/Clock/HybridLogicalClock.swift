/// A hybrid logical clock (Kulkarni et al., 2014) for one node.
///
/// Pure: the wall clock is passed in as milliseconds on every call, so tests drive it by hand.
/// A remote reading never moves the local clock more than `maxDrift` ahead of the local wall
/// clock: such readings are refused with `ClockError.tooFarInFuture`.
public struct HybridLogicalClock: Sendable {
    /// The default maximum accepted drift into the future: five minutes.
    public static let defaultMaxDriftMilliseconds: Int64 = 5 * 60 * 1000

    /// The last reading handed out or observed.
    public private(set) var last: HLCTimestamp
    /// How far ahead of the local wall clock a remote reading may be.
    public let maxDriftMilliseconds: Int64

    /// Creates a clock that continues after `last` (e.g. the node's latest change set).
    public init(last: HLCTimestamp = .zero, maxDriftMilliseconds: Int64 = defaultMaxDriftMilliseconds) {
        self.last = last
        self.maxDriftMilliseconds = maxDriftMilliseconds
    }

    /// A new reading for a local event, strictly greater than every earlier one.
    public mutating func tick(wallMilliseconds now: Int64) -> HLCTimestamp {
        if now > last.milliseconds {
            last = HLCTimestamp(milliseconds: now, counter: 0)
        } else {
            last.counter += 1
        }
        return last
    }

    /// Checks that a remote reading is not too far in the future of `now`.
    public func check(_ remote: HLCTimestamp, wallMilliseconds now: Int64) throws(ClockError) {
        let limit = now + maxDriftMilliseconds
        guard remote.milliseconds <= limit else {
            throw .tooFarInFuture(remote: remote, limitMilliseconds: limit)
        }
    }

    /// Merges a remote reading, so later local readings order after it.
    public mutating func observe(_ remote: HLCTimestamp, wallMilliseconds now: Int64) throws(ClockError) {
        try check(remote, wallMilliseconds: now)
        if remote > last { last = remote }
    }
}
