extension Duration {
    /// Whole milliseconds, rounded toward zero: the one conversion for logs, summaries and
    /// monotonic readings.
    public var wholeMilliseconds: Int64 {
        let (seconds, attoseconds) = components
        return seconds * 1000 + attoseconds / Self.attosecondsPerMillisecond
    }

    /// Whole milliseconds, rounded up, never below 0 (timeouts: at least 1 for a positive
    /// duration).
    public var wholeMillisecondsRoundedUp: Int64 {
        let (seconds, attoseconds) = components
        let perMillisecond = Self.attosecondsPerMillisecond
        return max(0, seconds * 1000 + (attoseconds + perMillisecond - 1) / perMillisecond)
    }

    /// Whole seconds, rounded up, never below 0.
    public var wholeSecondsRoundedUp: Int64 { (wholeMillisecondsRoundedUp + 999) / 1000 }

    private static var attosecondsPerMillisecond: Int64 { 1_000_000_000_000_000 }
}
