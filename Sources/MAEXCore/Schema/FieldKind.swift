/// The kind of value a record field holds, with its limits. Pure validation and parsing.
public enum FieldKind: Hashable, Sendable {
    /// Text of at most `maxLength` characters.
    case text(maxLength: Int)
    /// A whole number within a range.
    case integer(ClosedRange<Int64>)
    /// Yes or no.
    case boolean
    /// One word from a fixed list.
    case choice([String])
    /// A set of whole numbers within a range, stored sorted and without repeats.
    case integerSet(ClosedRange<Int64>)
    /// A set of words, each matching `pattern`, stored sorted and without repeats.
    case wordSet(pattern: CodePattern)
    /// A code such as `GM0718`.
    case code(CodePattern)
    /// An ISO 8601 calendar date, `YYYY-MM-DD`.
    case date
}

/// Simple, regex-free patterns for codes.
public enum CodePattern: Hashable, Sendable {
    /// A CBS municipality code: `GM` and four digits.
    case municipality
    /// A municipality or province code: `GM` and four digits, or `PV` and two digits.
    case area
    /// A lowercase word: `[a-z0-9-]{1,40}`.
    case word
    /// A web address starting with `http://` or `https://`.
    case url
    /// An e-mail address (one `@`, no spaces).
    case email
    /// A KvK (Chamber of Commerce) number: eight digits.
    case kvk

    /// Whether `text` matches.
    public func matches(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        switch self {
        case .municipality: return Self.prefixed(bytes, "GM", digits: 4)
        case .area: return Self.prefixed(bytes, "GM", digits: 4) || Self.prefixed(bytes, "PV", digits: 2)
        case .word:
            return (1...40).contains(bytes.count)
                && bytes.allSatisfy { Self.isDigit($0) || (UInt8(ascii: "a")...UInt8(ascii: "z")).contains($0) || $0 == UInt8(ascii: "-") }
        case .url:
            return (text.hasPrefix("https://") || text.hasPrefix("http://")) && bytes.count <= 500 && !bytes.contains(UInt8(ascii: " "))
        case .email:
            let parts = text.split(separator: "@", omittingEmptySubsequences: false)
            return parts.count == 2 && !parts[0].isEmpty && parts[1].contains(".") && bytes.count <= 254 && !bytes.contains(UInt8(ascii: " "))
        case .kvk: return bytes.count == 8 && bytes.allSatisfy(Self.isDigit)
        }
    }

    /// A short Dutch description for error messages.
    public var explanation: String {
        switch self {
        case .municipality: "een CBS-gemeentecode zoals GM0718"
        case .area: "een gemeente- of provinciecode zoals GM0718 of PV29"
        case .word: "een woord van kleine letters, cijfers en streepjes"
        case .url: "een webadres dat begint met https://"
        case .email: "een e-mailadres"
        case .kvk: "een KvK-nummer van acht cijfers"
        }
    }

    private static func isDigit(_ byte: UInt8) -> Bool { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) }

    private static func prefixed(_ bytes: [UInt8], _ prefix: String, digits: Int) -> Bool {
        let head = Array(prefix.utf8)
        return bytes.count == head.count + digits && bytes.starts(with: head) && bytes.dropFirst(head.count).allSatisfy(isDigit)
    }
}
