import Foundation

/// The query of an HSDS list: paging (`page` from 1, `per_page` up to 1000, default 50) and the
/// filters, which all apply together (AND): `search` (words, as on the pages),
/// `modified_after` (a date or date-time; services changed at or after it),
/// `taxonomy_term_id` (a term's id or code, e.g. `SDG3`), `taxonomy_id` and `organization_id`.
struct HSDSQuery: Sendable, Equatable {
    static let defaultPerPage = 50
    static let maxPerPage = 1000

    var page = 1
    var perPage = HSDSQuery.defaultPerPage
    var search: String?
    var modifiedAfter: Int64?
    var taxonomyTermID: String?
    var taxonomyID: String?
    var organizationID: String?

    init() {}

    /// Reads the parameters; a bad value is refused with a clear message.
    init(_ parameters: QueryParameters) throws {
        page = try parameters.integer("page", in: 1...1_000_000, default: 1)
        perPage = try parameters.integer("per_page", in: 1...Self.maxPerPage, default: Self.defaultPerPage)
        search = parameters["search"].flatMap { $0.trimmingCharacters(in: .whitespaces).isEmpty ? nil : $0 }
        if let text = parameters["modified_after"] {
            guard let milliseconds = OpenDataTime.milliseconds(text) else {
                throw APIError.invalidParameter("modified_after must be a date (2026-01-31) or an ISO 8601 date-time (2026-01-31T12:00:00Z)")
            }
            modifiedAfter = milliseconds
        }
        if let term = parameters["taxonomy_term_id"] {
            guard let found = OpenDataTaxonomy.all.lazy.flatMap(\.terms).first(where: { $0.id == term || $0.code == term }) else {
                throw APIError.invalidParameter("taxonomy_term_id \(term.prefix(40)) is no term of this API (see /hsds/taxonomy_terms)")
            }
            taxonomyTermID = found.id
        }
        if let taxonomy = parameters["taxonomy_id"] {
            guard OpenDataTaxonomy.all.contains(where: { $0.id == taxonomy }) else {
                throw APIError.invalidParameter("taxonomy_id \(taxonomy.prefix(40)) is no taxonomy of this API (see /hsds/taxonomies)")
            }
            taxonomyID = taxonomy
        }
        organizationID = parameters["organization_id"]
    }

    /// The services that pass every filter; `matched` are the initiatives the store's text search
    /// found for `search` (an offer also matches on its own name and description). Pure.
    func filter(_ services: [HSDSService], matched: Set<String>?) -> [HSDSService] {
        let words = search.map(Self.words) ?? []
        return services.filter { service in
            if let organizationID, service.organization_id != organizationID { return false }
            if let modifiedAfter, (OpenDataTime.milliseconds(service.last_modified) ?? 0) < modifiedAfter { return false }
            let terms = service.attributes ?? []
            if let taxonomyTermID, !terms.contains(where: { $0.taxonomy_term_id == taxonomyTermID }) { return false }
            if let taxonomyID, !terms.contains(where: { $0.taxonomy_term.taxonomy_id == taxonomyID }) { return false }
            if let matched, !matched.contains(service.organization_id) {
                let text = Self.words(service.name + " " + (service.description ?? ""))
                return words.allSatisfy { word in text.contains { $0.hasPrefix(word) } }
            }
            return true
        }
    }

    /// Lowercased words without diacritics.
    static func words(_ text: String) -> [String] {
        text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil).split { !($0.isLetter || $0.isNumber) }.map(String.init)
    }
}
