import MAEXCore

/// Maps the open-data register to HSDS 3.0: every initiative is an `organization` with one main
/// `service` (what it does: its profile, its SDGs as attributes, its working area), and every
/// offer is a further `service` of that organisation (kind and social return as attributes of
/// the `maex-aanbod` taxonomy). Ids: the organisation keeps the initiative's id, an offer's
/// service the offer's id, the main service `StableUUID("service:<initiative id>")`. Pure.
struct HSDSMapper: Sendable {
    let register: OpenDataRegister
    /// The goals each initiative reports contributions to.
    private let reported: [String: Set<Int>]

    init(register: OpenDataRegister) {
        self.register = register
        reported = register.contributions.reduce(into: [:]) { $0[$1.initiative, default: []].insert($1.goal) }
    }

    /// The id of an initiative's main service.
    static func mainServiceID(of initiative: String) -> String { StableUUID.make("service:\(initiative)") }

    /// Every service, by organisation name, the main service first, then offers by name.
    func services() -> [HSDSService] {
        let offers = Dictionary(grouping: register.offers, by: \.initiative)
        return register.initiatives.flatMap { initiative in
            [mainService(initiative)]
                + (offers[initiative.id] ?? []).sorted { ($0.name, $0.id) < ($1.name, $1.id) }.map { offerService($0, of: initiative) }
        }
    }

    /// Every organisation, by name.
    func organizations() -> [HSDSOrganization] { register.initiatives.map(organization) }

    /// The organisation of an initiative.
    func organization(_ initiative: OpenDataInitiative) -> HSDSOrganization {
        let profile = initiative.profile
        var organization = HSDSOrganization(id: profile.id, name: profile.name, description: profile.description ?? "")
        organization.alternate_name = profile.alternateName
        organization.email = profile.email
        organization.website = profile.website
        organization.tax_status = initiative.anbi == true ? "ANBI" : nil
        organization.year_incorporated = profile.yearFounded
        organization.legal_status = profile.legalForm
        if let kvk = initiative.kvk {
            organization.organization_identifiers = [
                HSDSOrganizationIdentifier(
                    id: StableUUID.make("kvk:\(profile.id)"), organization_id: profile.id, identifier_scheme: "NL-KVK",
                    identifier_type: "KvK-nummer", identifier: kvk)
            ]
        }
        return organization
    }

    /// The main service of an initiative.
    func mainService(_ initiative: OpenDataInitiative) -> HSDSService {
        let profile = initiative.profile
        let id = Self.mainServiceID(of: profile.id)
        var service = HSDSService(
            id: id, organization_id: profile.id, name: profile.name, status: Self.status(profile.status),
            last_modified: OpenDataTime.iso(milliseconds: initiative.modified))
        service.alternate_name = profile.alternateName
        service.description = profile.description
        service.url = profile.website
        service.email = profile.email
        service.assured_date = profile.lastVerified
        let areas = initiative.workingArea.isEmpty ? [profile.municipality] : initiative.workingArea
        service.service_areas = areas.map { Self.area($0, service: id) }
        service.attributes = sdgs(of: initiative).map { Self.attribute(OpenDataTaxonomy.sdg.terms[$0 - 1], service: id) }
        return service
    }

    /// The service of an offer.
    func offerService(_ offer: Offer, of initiative: OpenDataInitiative) -> HSDSService {
        var service = HSDSService(
            id: offer.id, organization_id: initiative.id, name: offer.name, status: Self.status(initiative.profile.status),
            last_modified: OpenDataTime.iso(milliseconds: register.offerModified[offer.id] ?? initiative.modified))
        service.description = offer.description
        service.fees_description = offer.price
        service.eligibility_description = offer.targetGroup
        service.assured_date = initiative.profile.lastVerified
        if !offer.area.isEmpty { service.service_areas = offer.area.map { Self.area($0, service: offer.id) } }
        if let contact = offer.contact {
            service.contacts = [HSDSContact(id: StableUUID.make("contact:\(offer.id)"), service_id: offer.id, name: contact)]
        }
        let terms = OpenDataTaxonomy.offer.terms
        var attributes = terms.filter { $0.code == offer.kind || ($0.code == "social-return" && offer.socialReturn) }
        attributes += sdgs(of: initiative).map { OpenDataTaxonomy.sdg.terms[$0 - 1] }
        service.attributes = attributes.map { Self.attribute($0, service: offer.id) }
        return service
    }

    /// The SDGs of an initiative: those it names and those it reports contributions to.
    func sdgs(of initiative: OpenDataInitiative) -> [Int] {
        (reported[initiative.id] ?? []).union(initiative.profile.sdgs).filter { (1...17).contains($0) }.sorted()
    }

    /// HSDS status of an initiative's status.
    static func status(_ status: String?) -> String {
        switch status {
        case "inactief": return "inactive"
        case "opgeheven": return "defunct"
        default: return "active"
        }
    }

    private static func area(_ code: String, service: String) -> HSDSServiceArea {
        let name = Municipalities.named(code)?.name ?? Municipalities.provinces[code] ?? (code == "NL" ? "Nederland" : code)
        return HSDSServiceArea(
            id: StableUUID.make("area:\(service):\(code)"), service_id: service, name: name, description: "CBS-gebiedscode \(code)",
            extent_type: "text", extent: code)
    }

    private static func attribute(_ term: OpenDataTaxonomy.Term, service: String) -> HSDSAttribute {
        HSDSAttribute(
            id: StableUUID.make("attribute:\(service):\(term.id)"), link_id: service, link_type: "service", link_entity: "service",
            taxonomy_term_id: term.id, value: term.code, taxonomy_term: HSDSTaxonomyTerm(term))
    }
}
