import Foundation
import MAEXCore
import MAEXStore

/// The filters of an area page, read from the query string (`sdg`, `thema`, `fase`,
/// `behoefte`, `sociaal_rendement`, `q`). Unknown or invalid values are ignored. Pure.
struct AreaFilter: Hashable, Sendable {
    var sdg: Int?
    var theme: String?
    var phase: String?
    var needKind: String?
    var socialReturn = false
    var text: String?
    /// The page of results, from 1.
    var page = 1

    /// Reads the filters from query parameters (`query(name)` is the first value of `name`).
    init(_ query: (String) -> String?) {
        sdg = query("sdg").flatMap(Int.init).flatMap { SDG.number($0)?.number }
        theme = query("thema").flatMap { CodePattern.word.matches($0) ? $0 : nil }
        phase = query("fase").flatMap { ["plan", "start", "groei", "volwassen"].contains($0) ? $0 : nil }
        needKind = query("behoefte").flatMap { RecordSchema.needKinds.contains($0) ? $0 : nil }
        socialReturn = ["1", "ja", "on", "true"].contains(query("sociaal_rendement") ?? "")
        let trimmed = (query("q") ?? "").trimmingCharacters(in: .whitespaces)
        text = trimmed.isEmpty ? nil : String(trimmed.prefix(100))
        page = query("pagina").flatMap(Int.init).map { min(max($0, 1), 10_000) } ?? 1
    }

    /// The store search for these filters in `municipalities` (every one when `nil`).
    func search(municipalities: Set<String>?, today: String) -> InitiativeSearch {
        InitiativeSearch(
            municipalities: municipalities, text: text, sdg: sdg, theme: theme, phase: phase, needKind: needKind,
            socialReturn: socialReturn, today: today)
    }

    /// The query string of these filters (without the page), for links to other pages.
    var queryString: String {
        var pairs: [(String, String)] = []
        if let text { pairs.append(("q", text)) }
        if let sdg { pairs.append(("sdg", "\(sdg)")) }
        if let theme { pairs.append(("thema", theme)) }
        if let phase { pairs.append(("fase", phase)) }
        if let needKind { pairs.append(("behoefte", needKind)) }
        if socialReturn { pairs.append(("sociaal_rendement", "1")) }
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-_.")
        return pairs.map { "\($0)=\($1.addingPercentEncoding(withAllowedCharacters: allowed) ?? "")" }.joined(separator: "&")
    }

    /// No filters.
    init() {}

    /// Whether any filter is set.
    var isActive: Bool { sdg != nil || theme != nil || phase != nil || needKind != nil || socialReturn || text != nil }

    /// Whether `initiative` passes, judged on the winning values (the store's indexes found the
    /// candidates; this settles conflicts exactly); `openNeeds` are its open needs,
    /// `hasSocialReturn` whether it offers something that counts for social return. The text
    /// search is the store's (FTS5) and is not repeated here.
    func matches(_ initiative: InitiativeProfile, openNeeds: [Need], hasSocialReturn: Bool) -> Bool {
        if let sdg, !initiative.sdgs.contains(sdg) { return false }
        if let theme, !initiative.themes.contains(theme) { return false }
        if let phase, initiative.phase != phase { return false }
        if let needKind, !openNeeds.contains(where: { $0.kind == needKind }) { return false }
        if socialReturn, !hasSocialReturn { return false }
        return true
    }
}
