/// Calendar dates as ISO 8601 text (`YYYY-MM-DD`, UTC), without Foundation's calendars. Pure.
public enum CalendarDate {
    /// The UTC date of `milliseconds` since the Unix epoch.
    public static func iso(milliseconds: Int64) -> String {
        let days = milliseconds >= 0 ? milliseconds / 86_400_000 : (milliseconds - 86_399_999) / 86_400_000
        // Howard Hinnant's civil_from_days.
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }

    /// The same day one year earlier (29 February becomes 28 February); `date` unchanged when
    /// it is not `YYYY-MM-DD`.
    public static func oneYearBefore(_ date: String) -> String {
        let parts = date.split(separator: "-")
        guard parts.count == 3, let year = Int64(parts[0]) else { return date }
        let monthDay = parts[1] + "-" + parts[2]
        return "\(pad(year - 1, 4))-" + (monthDay == "02-29" ? "02-28" : String(monthDay))
    }

    private static func pad(_ number: Int64, _ width: Int) -> String {
        let text = String(number)
        return String(repeating: "0", count: max(0, width - text.count)) + text
    }
}
