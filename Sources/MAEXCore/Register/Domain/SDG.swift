/// One of the 17 United Nations Sustainable Development Goals, with its Dutch name and its
/// official colour.
public struct SDG: Hashable, Sendable, Identifiable {
    /// The goal number, 1 to 17.
    public let number: Int
    /// The Dutch name ("Geen armoede").
    public let name: String
    /// A Dutch short name for charts and tiles, at most 24 characters ("Gezondheid en welzijn").
    public let shortName: String
    /// The English short name ("No poverty").
    public let englishName: String
    /// The official colour, `#RRGGBB` in upper case.
    public let colour: String

    /// Creates a goal.
    public init(number: Int, name: String, shortName: String, englishName: String, colour: String) {
        self.number = number
        self.name = name
        self.shortName = shortName
        self.englishName = englishName
        self.colour = colour
    }

    public var id: Int { number }

    /// The code used in standards, `SDG3`.
    public var code: String { "SDG\(number)" }

    /// The goal with `number`, or `nil` outside 1...17.
    public static func number(_ number: Int) -> SDG? {
        guard (1...all.count).contains(number) else { return nil }
        return all[number - 1]
    }

    /// Whether `text` names a target of this goal, such as `3.4` or `14.a` for goals 3 and 14.
    public func hasTarget(_ text: String) -> Bool {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0] == Substring(String(number)), (1...2).contains(parts[1].count) else { return false }
        return parts[1].allSatisfy { $0.isASCII && ($0.isNumber || ("a"..."j").contains($0)) }
    }
}
