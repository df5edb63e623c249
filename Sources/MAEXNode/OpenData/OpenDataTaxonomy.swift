import MAEXCore

/// The taxonomies the open data uses, with stable ids (`StableUUID`): the 17 SDGs (`sdg`, codes
/// `SDG1`...`SDG17`) and the kinds of what initiatives offer (`maex-aanbod`: `product`,
/// `dienst`, `social-return`). Pure.
struct OpenDataTaxonomy: Sendable, Equatable {
    /// The taxonomy's id.
    let id: String
    /// Its name.
    let name: String
    /// What it is.
    let description: String
    /// Where it is defined, when it is published elsewhere.
    let uri: String?
    /// Its version.
    let version: String
    /// Its terms.
    let terms: [Term]

    /// One term of a taxonomy.
    struct Term: Sendable, Equatable {
        let id: String
        let code: String
        let name: String
        let description: String
        let uri: String?
        let taxonomyID: String
    }

    /// The UN Sustainable Development Goals, terms named in Dutch with the English name as
    /// description.
    static let sdg: OpenDataTaxonomy = {
        let id = StableUUID.make("taxonomy:sdg")
        let terms = SDG.all.map { goal in
            Term(
                id: sdgTermID(goal.number), code: goal.code, name: goal.name,
                description: "SDG \(goal.number): \(goal.englishName)", uri: "https://sdgs.un.org/goals/goal\(goal.number)", taxonomyID: id)
        }
        return OpenDataTaxonomy(
            id: id, name: "SDG", description: "De 17 duurzame ontwikkelingsdoelen van de Verenigde Naties (Sustainable Development Goals).",
            uri: "https://sdgs.un.org/goals", version: "2015", terms: terms)
    }()

    /// What initiatives offer: a product, a service, and whether it counts for social return.
    static let offer: OpenDataTaxonomy = {
        let id = StableUUID.make("taxonomy:maex-aanbod")
        let terms = [
            ("product", "Product", "Een product dat een initiatief verkoopt."),
            ("dienst", "Dienst", "Een dienst die een initiatief levert."),
            ("social-return", "Telt mee voor social return", "Aanbod dat meetelt voor social return bij inkoop."),
        ].map { code, name, description in
            Term(id: offerTermID(code), code: code, name: name, description: description, uri: nil, taxonomyID: id)
        }
        return OpenDataTaxonomy(
            id: id, name: "MAEX aanbod", description: "Soorten aanbod van maatschappelijke initiatieven in MAEX.",
            uri: nil, version: "1", terms: terms)
    }()

    /// Every taxonomy, in listing order.
    static let all: [OpenDataTaxonomy] = [sdg, offer]

    /// The id of the term for SDG `number`.
    static func sdgTermID(_ number: Int) -> String { StableUUID.make("sdg:\(number)") }

    /// The id of the offer term `code`.
    static func offerTermID(_ code: String) -> String { StableUUID.make("aanbod:\(code)") }

    /// The term with `id` in any taxonomy.
    static func term(id: String) -> Term? { all.lazy.flatMap(\.terms).first { $0.id == id } }
}
