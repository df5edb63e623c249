/// Calendar arithmetic on `YYYY-MM-DD` dates (MAEX Impuls, open-data timestamps): days since
/// 1970-01-01 and months back. Pure, without Foundation's calendars.
public enum DayNumber {
    /// Days since 1970-01-01 of `date`, or `nil` when it is not `YYYY-MM-DD`.
    public static func of(_ date: String) -> Int64? {
        guard let (year, month, day) = parts(date) else { return nil }
        return of(year: year, month: month, day: day)
    }

    /// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's days_from_civil).
    public static func of(year: Int64, month: Int64, day: Int64) -> Int64 {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// Whole days from `start` to `end` (negative when `end` is earlier), or `nil` for a bad date.
    public static func days(from start: String, to end: String) -> Int64? {
        guard let first = of(start), let last = of(end) else { return nil }
        return last - first
    }

    /// The date `months` months before `date`, the day clamped to 28 (so it always exists);
    /// `date` unchanged when it is not `YYYY-MM-DD`.
    public static func monthsBefore(_ date: String, _ months: Int64) -> String {
        guard let (year, month, day) = parts(date) else { return date }
        let index = year * 12 + (month - 1) - months
        let newYear = index >= 0 ? index / 12 : (index - 11) / 12
        let newMonth = index - newYear * 12 + 1
        return "\(pad(newYear, 4))-\(pad(newMonth, 2))-\(pad(min(day, 28), 2))"
    }

    private static func parts(_ date: String) -> (Int64, Int64, Int64)? {
        let pieces = date.split(separator: "-", omittingEmptySubsequences: false)
        guard pieces.count == 3, pieces[0].count == 4, pieces[1].count == 2, pieces[2].count == 2,
            let year = Int64(pieces[0]), let month = Int64(pieces[1]), let day = Int64(pieces[2]),
            (1...12).contains(month), (1...31).contains(day)
        else { return nil }
        return (year, month, day)
    }

    private static func pad(_ number: Int64, _ width: Int) -> String {
        let text = String(number)
        return String(repeating: "0", count: max(0, width - text.count)) + text
    }
}
