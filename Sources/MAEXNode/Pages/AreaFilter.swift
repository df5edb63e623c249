import Foundation
import MAEXCore

/// The filters of an area page, read from the query string (`sdg`, `thema`, `fase`,
/// `behoefte`, `sociaal_rendement`, `q`). Unknown or invalid values are ignored. Pure.
struct AreaFilter: Hashable, Sendable {
    var sdg: Int?
    var theme: String?
    var phase: String?
    var needKind: String?
    var socialReturn = false
    var text: String?

    /// Reads the filters from query parameters (`query(name)` is the first value of `name`).
    init(_ query: (String) -> String?) {
        sdg = query("sdg").flatMap(Int.init).flatMap { SDG.number($0)?.number }
        theme = query("thema").flatMap { CodePattern.word.matches($0) ? $0 : nil }
        phase = query("fase").flatMap { ["plan", "start", "groei", "volwassen"].contains($0) ? $0 : nil }
        needKind = query("behoefte").flatMap { RecordSchema.needKinds.contains($0) ? $0 : nil }
        socialReturn = ["1", "ja", "on", "true"].contains(query("sociaal_rendement") ?? "")
        let trimmed = (query("q") ?? "").trimmingCharacters(in: .whitespaces)
        text = trimmed.isEmpty ? nil : String(trimmed.prefix(100))
    }

    /// No filters.
    init() {}

    /// Whether any filter is set.
    var isActive: Bool { sdg != nil || theme != nil || phase != nil || needKind != nil || socialReturn || text != nil }

    /// Whether `initiative` passes; `openNeeds` are its open needs, `hasSocialReturn` whether it
    /// offers something that counts for social return.
    func matches(_ initiative: InitiativeProfile, openNeeds: [Need], hasSocialReturn: Bool) -> Bool {
        if let sdg, !initiative.sdgs.contains(sdg) { return false }
        if let theme, !initiative.themes.contains(theme) { return false }
        if let phase, initiative.phase != phase { return false }
        if let needKind, !openNeeds.contains(where: { $0.kind == needKind }) { return false }
        if socialReturn, !hasSocialReturn { return false }
        if let text {
            let haystack = ([initiative.name, initiative.alternateName ?? "", initiative.description ?? ""] + initiative.themes)
                .joined(separator: " ").lowercased()
            if !haystack.contains(text.lowercased()) { return false }
        }
        return true
    }
}
