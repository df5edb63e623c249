import Hummingbird

extension RouteCatalog {
    static let hsdsInfo = Endpoint(method: .get, path: "/hsds/")
    static let hsdsServices = Endpoint(method: .get, path: "/hsds/services")
    static let hsdsService = Endpoint(method: .get, path: "/hsds/services/{id}")
    static let hsdsOrganizations = Endpoint(method: .get, path: "/hsds/organizations")
    static let hsdsOrganization = Endpoint(method: .get, path: "/hsds/organizations/{id}")
    static let hsdsTaxonomies = Endpoint(method: .get, path: "/hsds/taxonomies")
    static let hsdsTaxonomy = Endpoint(method: .get, path: "/hsds/taxonomies/{id}")
    static let hsdsTaxonomyTerms = Endpoint(method: .get, path: "/hsds/taxonomy_terms")
    static let hsdsTaxonomyTerm = Endpoint(method: .get, path: "/hsds/taxonomy_terms/{id}")

    /// The open-data endpoints (HSDS API), documented in the OpenAPI document like the rest of `all`.
    static let openData: [Endpoint] = [
        hsdsInfo, hsdsServices, hsdsService, hsdsOrganizations, hsdsOrganization, hsdsTaxonomies, hsdsTaxonomy, hsdsTaxonomyTerms,
        hsdsTaxonomyTerm,
    ]

    static let openDataPage = Endpoint(method: .get, path: "/open-data")
    static let openDataFile = Endpoint(method: .get, path: "/open-data/{file}")
    static let municipalityFeed = Endpoint(method: .get, path: "/feed/gemeente/{file}")
    static let provinceFeed = Endpoint(method: .get, path: "/feed/provincie/{file}")
    static let nationalFeed = Endpoint(method: .get, path: "/feed/nederland.atom")
    static let partnerPage = Endpoint(method: .get, path: "/partner/{slug}")
    static let cataloguePage = Endpoint(method: .get, path: "/aanbod")

    /// The open-data page, its CSV downloads, the Atom feeds and the partner pages (registered
    /// with the pages).
    static let openDataPages: [Endpoint] = [
        openDataPage, openDataFile, municipalityFeed, provinceFeed, nationalFeed, partnerPage, cataloguePage,
    ]
}
