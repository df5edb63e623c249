import MAEXCore

/// Times in the open data: ISO 8601 date-times in UTC (`2026-05-28T20:15:00Z`). Pure.
enum OpenDataTime {
    /// The UTC date-time of `milliseconds` since 1970, to the second.
    static func iso(milliseconds: Int64) -> String {
        let date = CalendarDate.iso(milliseconds: milliseconds)
        let second = ((milliseconds / 1000) % 86_400 + 86_400) % 86_400
        return date + "T" + [second / 3600, second / 60 % 60, second % 60].map(two).joined(separator: ":") + "Z"
    }

    /// Milliseconds since 1970 of `YYYY-MM-DD` (midnight UTC) or `YYYY-MM-DDTHH:MM:SSZ`
    /// (also with `+HH:MM`/`-HH:MM` or fractional seconds); `nil` for anything else.
    static func milliseconds(_ text: String) -> Int64? {
        let characters = Array(text)
        guard characters.count >= 10, let year = number(characters[0..<4]), characters[4] == "-", let month = number(characters[5..<7]),
            characters[7] == "-", let day = number(characters[8..<10]), (1...12).contains(month), (1...31).contains(day)
        else { return nil }
        var total = days(year: year, month: month, day: day) * 86_400_000
        guard characters.count > 10 else { return total }
        guard characters.count >= 20, characters[10] == "T" || characters[10] == " ", let hour = number(characters[11..<13]),
            characters[13] == ":", let minute = number(characters[14..<16]), characters[16] == ":",
            let second = number(characters[17..<19]), hour < 24, minute < 60, second < 61
        else { return nil }
        total += (hour * 3600 + minute * 60 + second) * 1000
        var rest = characters[19...]
        if rest.first == "." {
            let digits = rest.dropFirst().prefix { $0.isASCII && $0.isNumber }
            guard !digits.isEmpty else { return nil }
            rest = rest.dropFirst(1 + digits.count)
        }
        if rest == ["Z"] || rest == ["z"] { return total }
        guard rest.count == 6, rest.first == "+" || rest.first == "-", let zoneHour = number(rest.dropFirst().prefix(2)),
            rest[rest.startIndex + 3] == ":", let zoneMinute = number(rest.suffix(2))
        else { return nil }
        let offset = (zoneHour * 60 + zoneMinute) * 60_000
        return rest.first == "+" ? total - offset : total + offset
    }

    private static func number(_ characters: some Collection<Character>) -> Int64? {
        guard characters.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return Int64(String(characters))
    }

    /// Days since 1970-01-01.
    private static func days(year: Int64, month: Int64, day: Int64) -> Int64 {
        DayNumber.of(year: year, month: month, day: day)
    }

    private static func two(_ value: Int64) -> String { value < 10 ? "0\(value)" : "\(value)" }
}
