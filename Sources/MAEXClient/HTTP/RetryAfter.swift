import Foundation

/// Parses the `Retry-After` response header (RFC 9110 10.2.3).
enum RetryAfter {
    /// `value` as a wait from `now`: delay-seconds (`120`) or an IMF-fixdate
    /// (`Sun, 06 Nov 1994 08:49:37 GMT`); a date in the past gives zero. `nil` if unparseable.
    static func parse(_ value: String, now: Date) -> Duration? {
        let text = value.trimmingCharacters(in: .whitespaces)
        if let seconds = Int(text) {
            return seconds >= 0 ? .seconds(seconds) : nil
        }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss 'GMT'"
        guard let date = formatter.date(from: text) else { return nil }
        let seconds = max(0, date.timeIntervalSince(now))
        return .milliseconds(Int64((seconds * 1000).rounded(.up)))
    }
}
