import Hummingbird
import MAEXCore
import MAEXStore

/// The public web pages (Dutch, server-rendered): `/`, `/gemeente/{code}`, `/provincie/{code}`,
/// `/nederland` and `/initiatief/{id}`. Reads the store off the concurrency pool; all text is
/// escaped on output. Unknown areas and initiatives get an HTML 404 page.
struct PagesController: Sendable {
    let dependencies: ServerDependencies

    func addRoutes(to router: Router<some RequestContext>) {
        router.on(RouteCatalog.homePage) { _, _ in try await home() }
        router.on(RouteCatalog.municipalityPage) { request, context in
            try await municipality(context.parameters.get("code") ?? "", query: request.uri.query)
        }
        router.on(RouteCatalog.provincePage) { request, context in
            try await province(context.parameters.get("code") ?? "", query: request.uri.query)
        }
        router.on(RouteCatalog.nationalPage) { request, _ in try await national(query: request.uri.query) }
        router.on(RouteCatalog.initiativePage) { _, context in try await initiative(context.parameters.get("id") ?? "") }
    }

    private var nodeName: String { dependencies.node.info.name }
    private var today: String { CalendarDate.iso(milliseconds: dependencies.node.wallClock()) }

    func home() async throws -> Response {
        let (name, municipalities, codes) = homeArea()
        let (cache, today) = (dependencies.pageCache, today)
        let data = try await dependencies.withStore { store in
            try cache.area(codes: codes, today: today, generation: try store.registerGeneration()) {
                AreaData(register: try PageRegister.load(from: store, municipalities: codes), today: today)
            }
        }
        let context = HomePage.context(areaName: name, municipalities: municipalities, data: data)
        return try render(.home, title: name, context: context)
    }

    func municipality(_ code: String, query: String?) async throws -> Response {
        guard CodePattern.municipality.matches(code) else { return try notFound("Er is geen gemeente met code \(code.prefix(20)).") }
        let municipality = Municipalities.named(code) ?? Municipality(code: code, name: code, province: "", corop: "", coropName: "")
        return try await area(
            heading: "Gemeente \(municipality.name)", path: "/gemeente/\(code)", municipalities: [municipality], codes: [code], query: query)
    }

    func province(_ code: String, query: String?) async throws -> Response {
        let members = Municipalities.inProvince(code)
        guard !members.isEmpty, let name = Municipalities.provinces[code] else {
            return try notFound("Er is geen provincie met code \(code.prefix(20)) bekend.")
        }
        return try await area(
            heading: "Provincie \(name)", path: "/provincie/\(code)", municipalities: members, codes: Set(members.map(\.code)), query: query)
    }

    func national(query: String?) async throws -> Response {
        try await area(heading: "Nederland", path: "/nederland", municipalities: Municipalities.all, codes: nil, query: query)
    }

    func initiative(_ id: String) async throws -> Response {
        guard EnvelopeRules.isValidRecordID(id),
            let (register, impuls) = try await dependencies.withStore({ store in
                try PageRegister.load(from: store, initiative: id).map { ($0, try store.impulsRecords()) }
            }),
            let profile = register.initiatives.first
        else { return try notFound("Er is geen initiatief met deze id.") }
        let context = InitiativePage.context(profile, register: register, today: today).merging(ImpulsPage.profile(id, impuls)) { first, _ in first }
        return try render(.initiative, title: profile.name, context: context)
    }

    private func area(heading: String, path: String, municipalities: [Municipality], codes: Set<String>?, query: String?) async throws -> Response {
        let parameters = try QueryParameters(query)
        let filter = AreaFilter { parameters[$0] }
        let today = today
        let search = filter.search(municipalities: codes, today: today)
        let cache = dependencies.pageCache
        let (data, found) = try await dependencies.withStore { store in
            let data = try cache.area(codes: codes, today: today, generation: try store.registerGeneration()) {
                AreaData(register: try PageRegister.load(from: store, municipalities: codes), today: today)
            }
            return (data, filter.isActive ? Set(try store.searchInitiatives(search)) : nil)
        }
        let context = AreaPage.context(
            heading: heading, path: path, municipalities: municipalities, data: data, filter: filter, found: found)
        return try render(.area, title: heading, context: context)
    }

    /// The node's own area: its name, its municipalities, and the codes to read (`nil`: all).
    private func homeArea() -> (String, [Municipality], Set<String>?) {
        let info = dependencies.node.info
        switch info.role {
        case .municipality:
            let members = info.scope.map { Municipalities.named($0) ?? Municipality(code: $0, name: $0, province: "", corop: "", coropName: "") }
            return (members.count == 1 ? "Gemeente \(members[0].name)" : info.name, members, Set(info.scope))
        case .province:
            let members = info.scope.flatMap(Municipalities.inProvince)
            let names = info.scope.compactMap { Municipalities.provinces[$0] }
            return (names.count == 1 ? "Provincie \(names[0])" : info.name, members, Set(members.map(\.code)))
        case .national, .fund:
            return ("Nederland", Municipalities.all, nil)
        }
    }

    private func render(
        _ template: PageTemplate, title: String, context: [String: Any], status: HTTPResponse.Status = .ok
    ) throws -> Response {
        let html = try PageRenderer.shared.get().page(template, title: title, nodeName: nodeName, context: context)
        return Response(
            status: status, headers: [.contentType: "text/html; charset=utf-8"], body: ResponseBody(byteBuffer: ByteBuffer(string: html)))
    }

    private func notFound(_ message: String) throws -> Response {
        try render(.notFound, title: "Niet gevonden", context: ["message": message], status: .notFound)
    }
}
