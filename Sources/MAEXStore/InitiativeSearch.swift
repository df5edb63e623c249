/// What to look for among the live initiatives: an area, full text, and the page filters.
/// Every condition given must hold.
public struct InitiativeSearch: Hashable, Sendable {
    /// Only initiatives in these municipalities; `nil`: every municipality.
    public var municipalities: Set<String>?
    /// Words searched in name, alternate name, description and themes (each word as a prefix,
    /// ignoring case and diacritics).
    public var text: String?
    /// Contributes to this SDG (listed in `sdgs`).
    public var sdg: Int?
    /// Has this theme.
    public var theme: String?
    /// Is in this phase.
    public var phase: String?
    /// Has an open need of this kind (status `open`, not expired on `today`).
    public var needKind: String?
    /// Offers something that counts for social return.
    public var socialReturn: Bool
    /// The date (`YYYY-MM-DD`) needs are judged on.
    public var today: String

    /// Creates a search.
    public init(
        municipalities: Set<String>? = nil, text: String? = nil, sdg: Int? = nil, theme: String? = nil, phase: String? = nil,
        needKind: String? = nil, socialReturn: Bool = false, today: String = "0000-00-00"
    ) {
        self.municipalities = municipalities
        self.text = text
        self.sdg = sdg
        self.theme = theme
        self.phase = phase
        self.needKind = needKind
        self.socialReturn = socialReturn
        self.today = today
    }

    /// The FTS5 query for `text`: every word (letters and digits) quoted, as a prefix, all
    /// required; `nil` when the text holds no word.
    public static func matchQuery(_ text: String) -> String? {
        let words = text.lowercased().split { !($0.isLetter || $0.isNumber) }.prefix(16)
        guard !words.isEmpty else { return nil }
        return words.map { "\"\($0)\"*" }.joined(separator: " ")
    }
}
