/// Why a clock reading is refused.
public enum ClockError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The reading lies further in the future than the accepted drift.
    case tooFarInFuture(remote: HLCTimestamp, limitMilliseconds: Int64)

    public var description: String {
        switch self {
        case .tooFarInFuture(let remote, let limit):
            "clock reading \(remote) lies \(remote.milliseconds - limit) ms beyond the accepted drift"
        }
    }
}
