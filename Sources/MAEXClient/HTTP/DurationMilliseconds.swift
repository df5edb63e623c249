extension Duration {
    /// Whole milliseconds, rounded up, at least 1 for a positive duration (libcurl's unit).
    var wholeMillisecondsRoundedUp: Int {
        let (seconds, attoseconds) = components
        let perMillisecond: Int64 = 1_000_000_000_000_000
        let millis = seconds * 1000 + (attoseconds + perMillisecond - 1) / perMillisecond
        return Int(max(0, millis))
    }

    /// Whole seconds, rounded up.
    var wholeSecondsRoundedUp: Int {
        (wholeMillisecondsRoundedUp + 999) / 1000
    }
}
