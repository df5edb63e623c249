/// A hybrid logical clock reading: wall-clock milliseconds since the Unix epoch and a counter
/// that orders events within the same millisecond.
///
/// Ordered first by `milliseconds`, then by `counter`. Encoded in change sets as the array
/// `[milliseconds, counter]`.
public struct HLCTimestamp: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// Wall-clock milliseconds since 1970-01-01T00:00:00Z.
    public var milliseconds: Int64
    /// Orders readings that share the same millisecond.
    public var counter: Int64

    /// Creates a reading.
    public init(milliseconds: Int64, counter: Int64) {
        self.milliseconds = milliseconds
        self.counter = counter
    }

    /// The zero reading, earlier than every real one.
    public static let zero = HLCTimestamp(milliseconds: 0, counter: 0)

    public static func < (lhs: HLCTimestamp, rhs: HLCTimestamp) -> Bool {
        (lhs.milliseconds, lhs.counter) < (rhs.milliseconds, rhs.counter)
    }

    public var description: String { "\(milliseconds).\(counter)" }

    /// The wire form `[milliseconds, counter]`.
    public var jsonValue: JSONValue { .array([.int(milliseconds), .int(counter)]) }
}
