import Hummingbird
import MAEXCore
import MAEXStore
import MAEXWire

/// `GET /v1/initiatives` (filtered, paged) and `GET /v1/initiatives/{id}`.
struct InitiativesController: Sendable {
    let dependencies: ServerDependencies

    private static var type: String { RecordSchema.initiative.type }

    func addRoutes(to router: Router<some RequestContext>) {
        router.on(RouteCatalog.initiatives) { request, _ in try await list(request) }
        router.on(RouteCatalog.initiative) { _, context in try await show(id: context.parameters.get("id") ?? "") }
    }

    func list(_ request: Request) async throws -> Response {
        let query = try InitiativeQuery(QueryParameters(request.uri.query), maxLimit: dependencies.configuration.maxListLimit)
        let body = try await dependencies.withStore { store in
            var records: [(key: RecordKey, state: RecordState)] = []
            if let municipalities = query.municipalities {
                for municipality in municipalities.sorted() {
                    records += try store.records(type: Self.type, municipality: municipality)
                }
                records.sort { $0.key < $1.key }
            } else {
                records = try store.records(type: Self.type)
            }
            let matching = records.filter { query.matches($0.state) }
            let page = matching.dropFirst(query.offset).prefix(query.limit)
            return try JSONResponse.encode(
                InitiativeList(
                    total: matching.count, offset: query.offset, limit: query.limit,
                    initiatives: page.map { WireInitiative(key: $0.key, state: $0.state) }))
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
