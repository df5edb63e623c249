import Hummingbird
import MAEXCore
import MAEXStore
import MAEXWire

/// `GET /v1/initiatives` (filtered through the store's indexes, paged; only the page's records
/// are read) and `GET /v1/initiatives/{id}`.
struct InitiativesController: Sendable {
    let dependencies: ServerDependencies

    private static var type: String { RecordSchema.initiative.type }

    func addRoutes(to router: Router<some RequestContext>) {
        router.on(RouteCatalog.initiatives) { request, _ in try await list(request) }
        router.on(RouteCatalog.initiative) { _, context in try await show(id: context.parameters.get("id") ?? "") }
    }

    func list(_ request: Request) async throws -> Response {
        let query = try InitiativeQuery(QueryParameters(request.uri.query), maxLimit: dependencies.configuration.maxListLimit)
        let search = query.search(today: CalendarDate.iso(milliseconds: dependencies.node.wallClock()))
        let body = try await dependencies.withStore { store in
            let ids = try store.searchInitiatives(search)
            let page = try ids.dropFirst(query.offset).prefix(query.limit).compactMap { id -> WireInitiative? in
                let key = RecordKey(type: Self.type, id: id)
                return try store.record(key).map { WireInitiative(key: key, state: $0) }
            }
            return try JSONResponse.encode(InitiativeList(total: ids.count, offset: query.offset, limit: query.limit, initiatives: page))
        }
        return JSONResponse.raw(body)
    }

    func show(id: String) async throws -> Response {
        guard EnvelopeRules.isValidRecordID(id) else {
            throw APIError(.badRequest, code: "invalid_id", message: "\"\(id.prefix(80))\" is not an initiative id (a lowercase UUID)")
        }
        let key = RecordKey(type: Self.type, id: id)
        guard let state = try await dependencies.withStore({ try $0.record(key) }) else {
            throw APIError.notFound("no initiative \(id)")
        }
        if let tombstone = state.tombstone {
            throw APIError.gone("initiative \(id) was deleted by \(tombstone.ref.author.hex) (change set \(tombstone.ref.seq))")
        }
        return try JSONResponse.make(WireInitiative(key: key, state: state))
    }
}
