/// An HSDS 3.0 `service`: an initiative's main activity or one of its offers.
struct HSDSService: Encodable, Sendable, Equatable {
    let id: String
    let organization_id: String
    let name: String
    var alternate_name: String?
    var description: String?
    var url: String?
    var email: String?
    /// `active`, `inactive` or `defunct`.
    let status: String
    var fees_description: String?
    var eligibility_description: String?
    /// The date the profile was last confirmed.
    var assured_date: String?
    /// ISO 8601 date-time, UTC.
    let last_modified: String
    var service_areas: [HSDSServiceArea]?
    var contacts: [HSDSContact]?
    var attributes: [HSDSAttribute]?
    /// The provider (on `/services/{id}` only).
    var organization: HSDSOrganization?
}

/// An HSDS 3.0 `service_area`: a municipality or province by CBS code.
struct HSDSServiceArea: Encodable, Sendable, Equatable {
    let id: String
    let service_id: String
    let name: String
    let description: String
    let extent_type: String
    let extent: String
}

/// An HSDS 3.0 `contact`.
struct HSDSContact: Encodable, Sendable, Equatable {
    let id: String
    let service_id: String
    let name: String
}

/// An HSDS 3.0 `attribute`: links a service to a taxonomy term.
struct HSDSAttribute: Encodable, Sendable, Equatable {
    let id: String
    let link_id: String
    let link_type: String
    let link_entity: String
    let taxonomy_term_id: String
    let value: String
    let taxonomy_term: HSDSTaxonomyTerm
}
