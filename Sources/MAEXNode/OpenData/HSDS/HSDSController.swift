import Hummingbird
import MAEXCore
import MAEXStore

/// The Open Referral HSDS 3.0 API over what the node holds (`/hsds/...`): API information,
/// services, organisations, taxonomies and taxonomy terms, paged as HSDS specifies. Read-only
/// and public; reads a cached `OpenDataRegister` off the concurrency pool.
struct HSDSController: Sendable {
    let dependencies: ServerDependencies

    func addRoutes(to router: Router<some RequestContext>) {
        router.on(RouteCatalog.hsdsInfo) { request, _ in try JSONResponse.make(info(request)) }
        router.on(RouteCatalog.hsdsServices) { request, _ in try await services(request) }
        router.on(RouteCatalog.hsdsService) { _, context in try await service(context.parameters.get("id") ?? "") }
        router.on(RouteCatalog.hsdsOrganizations) { request, _ in try await organizations(request) }
        router.on(RouteCatalog.hsdsOrganization) { _, context in try await organization(context.parameters.get("id") ?? "") }
        router.on(RouteCatalog.hsdsTaxonomies) { request, _ in
            let query = try HSDSQuery(QueryParameters(request.uri.query))
            return try JSONResponse.make(HSDSPage(OpenDataTaxonomy.all.map(HSDSTaxonomy.init), page: query.page, perPage: query.perPage))
        }
        router.on(RouteCatalog.hsdsTaxonomy) { _, context in
            let id = context.parameters.get("id") ?? ""
            guard let taxonomy = OpenDataTaxonomy.all.first(where: { $0.id == id }) else { throw APIError.notFound("no taxonomy \(id.prefix(40))") }
            return try JSONResponse.make(HSDSTaxonomy(taxonomy))
        }
        router.on(RouteCatalog.hsdsTaxonomyTerms) { request, _ in try taxonomyTerms(request) }
        router.on(RouteCatalog.hsdsTaxonomyTerm) { _, context in
            let id = context.parameters.get("id") ?? ""
            guard let term = OpenDataTaxonomy.term(id: id) else { throw APIError.notFound("no taxonomy term \(id.prefix(40))") }
            return try JSONResponse.make(HSDSTaxonomyTerm(term))
        }
    }

    /// The API information; `openapi_url` is absolute, on the host the request named.
    func info(_ request: Request) -> HSDSInfo {
        let base = RequestBase.url(request, fallbackPort: dependencies.peerAuth.boundPort)
        return HSDSInfo(version: "3.0", profile: "https://docs.openreferral.org/en/3.0/", openapi_url: "\(base)/openapi.json")
    }

    func services(_ request: Request) async throws -> Response {
        let query = try HSDSQuery(QueryParameters(request.uri.query))
        let cache = dependencies.openDataCache
        let body = try await dependencies.withStore { store in
            let register = try cache.register(from: store)
            let matched = try query.search.map { Set(try store.searchInitiatives(InitiativeSearch(text: $0))) }
            let services = query.filter(HSDSMapper(register: register).services(), matched: matched)
            return try JSONResponse.encode(HSDSPage(services, page: query.page, perPage: query.perPage))
        }
        return JSONResponse.raw(body)
    }

    func service(_ id: String) async throws -> Response {
        let cache = dependencies.openDataCache
        let found = try await dependencies.withStore { store -> HSDSService? in
            let mapper = HSDSMapper(register: try cache.register(from: store))
            for initiative in mapper.register.initiatives where HSDSMapper.mainServiceID(of: initiative.id) == id {
                var service = mapper.mainService(initiative)
                service.organization = mapper.organization(initiative)
                return service
            }
            guard let offer = mapper.register.offers.first(where: { $0.id == id }), let initiative = mapper.register.initiative(offer.initiative)
            else { return nil }
            var service = mapper.offerService(offer, of: initiative)
            service.organization = mapper.organization(initiative)
            return service
        }
        guard let found else { throw APIError.notFound("no service \(id.prefix(40))") }
        return try JSONResponse.make(found)
    }

    func organizations(_ request: Request) async throws -> Response {
        let query = try HSDSQuery(QueryParameters(request.uri.query))
        let cache = dependencies.openDataCache
        let body = try await dependencies.withStore { store in
            let register = try cache.register(from: store)
            let matched = try query.search.map { Set(try store.searchInitiatives(InitiativeSearch(text: $0))) }
            let mapper = HSDSMapper(register: register)
            let services = mapper.services()
            let organizations = register.initiatives.filter { initiative in
                if let matched, !matched.contains(initiative.id) { return false }
                if let after = query.modifiedAfter, initiative.modified < after { return false }
                if query.taxonomyTermID != nil || query.taxonomyID != nil {
                    return !query.filter(services.filter { $0.organization_id == initiative.id }, matched: nil).isEmpty
                }
                return true
            }.map(mapper.organization)
            return try JSONResponse.encode(HSDSPage(organizations, page: query.page, perPage: query.perPage))
        }
        return JSONResponse.raw(body)
    }

    func organization(_ id: String) async throws -> Response {
        let cache = dependencies.openDataCache
        let found = try await dependencies.withStore { store -> HSDSOrganization? in
            let mapper = HSDSMapper(register: try cache.register(from: store))
            guard let initiative = mapper.register.initiative(id) else { return nil }
            var organization = mapper.organization(initiative)
            organization.services = mapper.services().filter { $0.organization_id == id }
            return organization
        }
        guard let found else { throw APIError.notFound("no organization \(id.prefix(40))") }
        return try JSONResponse.make(found)
    }

    func taxonomyTerms(_ request: Request) throws -> Response {
        let parameters = try QueryParameters(request.uri.query)
        let query = try HSDSQuery(parameters)
        var terms = OpenDataTaxonomy.all.flatMap(\.terms)
        if let taxonomy = query.taxonomyID { terms.removeAll { $0.taxonomyID != taxonomy } }
        if let search = query.search {
            let words = HSDSQuery.words(search)
            terms.removeAll { term in
                let text = HSDSQuery.words(term.code + " " + term.name + " " + term.description)
                return !words.allSatisfy { word in text.contains { $0.hasPrefix(word) } }
            }
        }
        return try JSONResponse.make(HSDSPage(terms.map(HSDSTaxonomyTerm.init), page: query.page, perPage: query.perPage))
    }
}
