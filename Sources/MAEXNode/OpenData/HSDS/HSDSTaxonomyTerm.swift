/// An HSDS 3.0 `taxonomy`.
struct HSDSTaxonomy: Encodable, Sendable, Equatable {
    let id: String
    let name: String
    let description: String
    var uri: String?
    let version: String

    init(_ taxonomy: OpenDataTaxonomy) {
        id = taxonomy.id
        name = taxonomy.name
        description = taxonomy.description
        uri = taxonomy.uri
        version = taxonomy.version
    }
}

/// An HSDS 3.0 `taxonomy_term`.
struct HSDSTaxonomyTerm: Encodable, Sendable, Equatable {
    let id: String
    let code: String
    let name: String
    let description: String
    let taxonomy: String
    let taxonomy_id: String
    var term_uri: String?
    let language: String

    init(_ term: OpenDataTaxonomy.Term) {
        id = term.id
        code = term.code
        name = term.name
        description = term.description
        taxonomy = OpenDataTaxonomy.all.first { $0.id == term.taxonomyID }?.name ?? ""
        taxonomy_id = term.taxonomyID
        term_uri = term.uri
        language = "nl"
    }
}
