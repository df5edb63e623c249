import Foundation
import MAEXCore
import MAEXStore

/// The filters and page of `GET /v1/initiatives`, parsed from the query, and the store search
/// they mean (answered from the indexes, like the pages' filters). Pure.
struct InitiativeQuery: Sendable, Equatable {
    /// Only initiatives of these municipalities; `nil` for all.
    var municipalities: Set<String>?
    /// Only initiatives contributing to this SDG (1 to 17).
    var sdg: Int64?
    /// Only initiatives with every word of this text as the start of a word of their name,
    /// other name, description or themes (ignoring case and diacritics; FTS5).
    var text: String?
    /// Only initiatives with this theme.
    var theme: String?
    /// Only initiatives in this phase.
    var phase: String?
    /// Only initiatives with an open, unexpired need of this kind.
    var needKind: String?
    /// Only initiatives offering something that counts for social return.
    var socialReturn = false
    /// Matches skipped before the page.
    var offset: Int
    /// The page size.
    var limit: Int

    /// The longest text filter accepted.
    static let maxTextLength = 200
    /// The page size when none is asked for.
    static let defaultLimit = 100

    /// The phases an initiative can be in.
    static let phases = InitiativePhase.allCases.map(\.rawValue)

    /// Parses `municipality`, `province`, `sdg`, `q`, `theme`, `phase`, `need`,
    /// `social_return`, `limit` and `offset`.
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
        if let word = query["theme"] {
            guard CodePattern.word.matches(word) else { throw APIError.invalidParameter("theme must be \(CodePattern.word.explanation)") }
            theme = word
        }
        if let value = query["phase"] {
            guard Self.phases.contains(value) else { throw APIError.invalidParameter("phase must be one of \(Self.phases.joined(separator: ", "))") }
            phase = value
        }
        if let kind = query["need"] {
            guard RecordSchema.needKinds.contains(kind) else {
                throw APIError.invalidParameter("need must be one of \(RecordSchema.needKinds.joined(separator: ", "))")
            }
            needKind = kind
        }
        if let flag = query["social_return"] {
            guard ["true", "false"].contains(flag) else { throw APIError.invalidParameter("social_return must be true or false") }
            socialReturn = flag == "true"
        }
        offset = try query.integer("offset", in: 0...10_000_000, default: 0)
        limit = try query.integer("limit", in: 1...maxLimit, default: min(Self.defaultLimit, maxLimit))
    }

    /// The store search for these filters; needs are judged open on `today` (`YYYY-MM-DD`).
    func search(today: String) -> InitiativeSearch {
        InitiativeSearch(
            municipalities: municipalities, text: text, sdg: sdg.map(Int.init), theme: theme, phase: phase, needKind: needKind,
            socialReturn: socialReturn, today: today)
    }
}
