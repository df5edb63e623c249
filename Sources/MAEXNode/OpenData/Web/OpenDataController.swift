import HTTPTypes
import Hummingbird
import MAEXCore
import MAEXStore

/// The open-data pages: `/open-data` (Dutch, lists the downloads), the CSV downloads
/// `/open-data/{file}` and the Atom feeds `/feed/gemeente/{code}.atom`,
/// `/feed/provincie/{code}.atom` and `/feed/nederland.atom`. Everything carries the licence line.
struct OpenDataController: Sendable {
    let dependencies: ServerDependencies

    /// The CSV downloads with their Dutch descriptions.
    static let downloads: [(name: String, description: String)] = [
        ("initiatives.csv", "alle initiatieven met hun profiel"),
        ("needs.csv", "wat initiatieven nodig hebben"),
        ("offers.csv", "wat initiatieven aanbieden, ook voor social return"),
        (HandprintTable.fileName, "de maatschappelijke handafdruk per SDG, gemeente en jaar, te koppelen aan CBS StatLine (RegioS, Perioden)"),
    ]

    func addRoutes(to router: Router<some RequestContext>) {
        router.on(RouteCatalog.openDataPage) { _, _ in try await page() }
        router.on(RouteCatalog.openDataFile) { _, context in try await download(context.parameters.get("file") ?? "") }
        router.on(RouteCatalog.municipalityFeed) { request, context in
            try await feed(request, scope: "gemeente", file: context.parameters.get("file") ?? "")
        }
        router.on(RouteCatalog.provinceFeed) { request, context in
            try await feed(request, scope: "provincie", file: context.parameters.get("file") ?? "")
        }
        router.on(RouteCatalog.nationalFeed) { request, _ in try await feed(request, scope: "nederland", file: "") }
        router.on(RouteCatalog.cataloguePage) { request, _ in try await catalogue(request) }
        router.on(RouteCatalog.partnerPage) { _, context in try await partner(context.parameters.get("slug") ?? "") }
    }

    private var licenceLine: String {
        dependencies.configuration.openDataLicence.line(source: dependencies.node.info.name)
    }

    private func register() async throws -> OpenDataRegister {
        let cache = dependencies.openDataCache
        return try await dependencies.withStore { try cache.register(from: $0) }
    }

    func page() async throws -> Response {
        let register = try await register()
        let held = Set(register.initiatives.map(\.profile.municipality))
        let provinces = Set(held.compactMap { Municipalities.named($0)?.province }).sorted()
        let feeds: [[String: Any]] =
            [["href": "/feed/nederland.atom", "name": "Nederland"]]
            + provinces.map { ["href": "/feed/provincie/\($0).atom", "name": "Provincie \(Municipalities.provinces[$0] ?? $0)"] }
            + held.sorted { Municipalities.name(of: $0) < Municipalities.name(of: $1) }.map {
                ["href": "/feed/gemeente/\($0).atom", "name": "Gemeente \(Municipalities.name(of: $0))"]
            }
        let context: [String: Any] = [
            "licence": licenceLine,
            "downloads": Self.downloads.map { ["href": "/open-data/\($0.name)", "name": $0.name, "description": $0.description] },
            "feeds": feeds,
            "hasPartners": !dependencies.configuration.partners.isEmpty,
            "partners": dependencies.configuration.partners.map { ["href": "/partner/\($0.slug)", "name": $0.name] },
            "givingText": "Dit knooppunt houdt (nog) geen subsidies bij; een 360Giving-bestand verschijnt hier zodra er toekenningen zijn.",
        ]
        let html = try PageRenderer.shared.get().page(.openData, title: "Open data", nodeName: dependencies.node.info.name, context: context)
        return Response(status: .ok, headers: [.contentType: "text/html; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(string: html)))
    }

    func partner(_ slug: String) async throws -> Response {
        guard let partner = dependencies.configuration.partners.first(where: { $0.slug == slug }) else {
            let html = try PageRenderer.shared.get().page(
                .notFound, title: "Niet gevonden", nodeName: dependencies.node.info.name,
                context: ["message": "Dit knooppunt kent geen partner \(slug.prefix(60))."])
            return Response(status: .notFound, headers: [.contentType: "text/html; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(string: html)))
        }
        let report = PartnerReport(partner: partner, register: try await register())
        let html = try PageRenderer.shared.get().page(
            .partner, title: "Doelen van \(partner.name)", nodeName: dependencies.node.info.name,
            context: PartnerPage.context(report, licence: licenceLine))
        return Response(status: .ok, headers: [.contentType: "text/html; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(string: html)))
    }

    func catalogue(_ request: Request) async throws -> Response {
        let query = CatalogueQuery(try QueryParameters(request.uri.query))
        let context = CataloguePage.context(query, register: try await register(), licence: licenceLine)
        let html = try PageRenderer.shared.get().page(.catalogue, title: "Aanbod", nodeName: dependencies.node.info.name, context: context)
        return Response(status: .ok, headers: [.contentType: "text/html; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(string: html)))
    }

    func download(_ file: String) async throws -> Response {
        guard Self.downloads.contains(where: { $0.name == file }) else { throw APIError.notFound("no open-data file \(file.prefix(60))") }
        let register = try await register()
        guard let table = OpenDataTables.all(register).first(where: { $0.name == file })?.table else {
            throw APIError.notFound("no open-data file \(file.prefix(60))")
        }
        var headers: HTTPFields = [.contentType: "text/csv; charset=utf-8", .contentDisposition: "attachment; filename=\"\(file)\""]
        if let licence = HTTPField.Name("X-Licence") { headers[licence] = dependencies.configuration.openDataLicence.name }
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(string: table.text)))
    }

    func feed(_ request: Request, scope: String, file: String) async throws -> Response {
        guard let area = Self.feedArea(scope: scope, file: file) else { throw APIError.notFound("no feed \(file.prefix(40))") }
        let register = try await register()
        let initiatives = register.initiatives.filter { area.codes?.contains($0.profile.municipality) ?? true }
        let path = scope == "nederland" ? "/feed/nederland.atom" : "/feed/\(scope)/\(file)"
        let feed = AtomFeed(
            title: area.title, path: path, areaPath: area.page, base: RequestBase.url(request, fallbackPort: dependencies.peerAuth.boundPort),
            author: dependencies.node.info.name, licence: licenceLine)
        return Response(
            status: .ok, headers: [.contentType: "application/atom+xml; charset=utf-8"],
            body: .init(byteBuffer: ByteBuffer(string: feed.xml(initiatives))))
    }

    /// The area of a feed: its title, its page and its municipalities (`nil`: all); `nil` for
    /// an unknown area or a file not ending in `.atom`. Pure.
    static func feedArea(scope: String, file: String) -> (title: String, page: String, codes: Set<String>?)? {
        let code = String(file.dropLast(".atom".count))
        switch scope {
        case "gemeente":
            guard file.hasSuffix(".atom"), CodePattern.municipality.matches(code) else { return nil }
            return ("Initiatieven in Gemeente \(Municipalities.name(of: code))", "/gemeente/\(code)", [code])
        case "provincie":
            let members = Municipalities.inProvince(code)
            guard file.hasSuffix(".atom"), !members.isEmpty else { return nil }
            return ("Initiatieven in Provincie \(Municipalities.provinces[code] ?? code)", "/provincie/\(code)", Set(members.map(\.code)))
        default:
            return ("Initiatieven in Nederland", "/nederland", nil)
        }
    }
}
