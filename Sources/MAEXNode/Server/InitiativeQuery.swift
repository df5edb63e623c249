import Foundation
import MAEXCore

/// The filters and page of `GET /v1/initiatives`, parsed from the query, and the pure matching.
struct InitiativeQuery: Sendable, Equatable {
    /// Only initiatives of these municipalities; `nil` for all.
    var municipalities: Set<String>?
    /// Only initiatives contributing to this SDG (1 to 17).
    var sdg: Int64?
    /// Only initiatives whose name, other name, description or themes contain this text
    /// (ignoring case and diacritics).
    var text: String?
    /// Matches skipped before the page.
    var offset: Int
    /// The page size.
    var limit: Int

    /// The longest text filter accepted.
    static let maxTextLength = 200
    /// The page size when none is asked for.
    static let defaultLimit = 100

    /// Parses `municipality`, `province`, `sdg`, `q`, `limit` and `offset`.
    init(_ query: QueryParameters, maxLimit: Int) throws {
        var municipalities: Set<String>?
        if let code = query["municipality"] {
            guard CodePattern.municipality.matches(code) else {
                throw APIError.invalidParameter("municipality must be \(CodePattern.municipality.explanation)")
            }
            municipalities = [code]
        }
        if let code = query["province"] {
            guard code.hasPrefix("PV") else { throw APIError.invalidParameter("province must be a province code such as PV29") }
            let members = try AreaCatalog.municipalities(of: code)
            municipalities = municipalities.map { $0.intersection(members) } ?? members
        }
        self.municipalities = municipalities
        if let text = query["sdg"] {
            guard let number = Int64(text), (1...17).contains(number) else {
                throw APIError.invalidParameter("sdg must be a whole number from 1 to 17")
            }
            sdg = number
        }
        if let text = query["q"]?.trimmingCharacters(in: .whitespaces), !text.isEmpty {
            guard text.count <= Self.maxTextLength else {
                throw APIError.invalidParameter("q must be at most \(Self.maxTextLength) characters")
            }
            self.text = text
        }
        offset = try query.integer("offset", in: 0...10_000_000, default: 0)
        limit = try query.integer("limit", in: 1...maxLimit, default: min(Self.defaultLimit, maxLimit))
    }

    /// Whether a live record matches the SDG and text filters (the municipality filter is
    /// applied when reading the store).
    func matches(_ state: RecordState) -> Bool {
        if let sdg {
            guard let sdgs = state.value(of: "sdgs")?.arrayValue, sdgs.contains(.int(sdg)) else { return false }
        }
        if let text {
            let searched =
                ["name", "alternate_name", "description"].compactMap { state.value(of: $0)?.stringValue }
                + (state.value(of: "themes")?.arrayValue?.compactMap(\.stringValue) ?? [])
            guard searched.contains(where: { $0.range(of: text, options: [.caseInsensitive, .diacriticInsensitive]) != nil }) else {
                return false
            }
        }
        return true
    }
}
