import Hummingbird
import MAEXCore
import MAEXStore

/// The MAEX Impuls pages (Dutch, server-rendered, no JavaScript): `/impuls`, the funds this
/// node holds, and `/impuls/{code}`, a fund with its criteria, co-funders, budget left,
/// applications and decisions, lead times and the SDGs of the initiatives it supports.
struct ImpulsPagesController: Sendable {
    let dependencies: ServerDependencies

    func addRoutes(to router: Router<some RequestContext>) {
        router.on(RouteCatalog.impulsPage) { _, _ in try await overview() }
        router.on(RouteCatalog.fundPage) { _, context in try await fund(context.parameters.get("code") ?? "") }
    }

    func overview() async throws -> Response {
        let held = try await dependencies.withStore { try $0.impulsRecords() }
        return try render(.impulsOverview, title: "MAEX Impuls", context: ImpulsPage.overview(held))
    }

    func fund(_ code: String) async throws -> Response {
        let (held, initiatives) = try await dependencies.withStore { store in
            let held = try store.impulsRecords()
            var initiatives: [String: RecordState] = [:]
            for id in Set(held.applications(to: code).map(\.initiative)) {
                if let state = try store.record(RecordKey(type: RecordSchema.initiative.type, id: id)), !state.isDeleted { initiatives[id] = state }
            }
            return (held, initiatives)
        }
        guard let context = ImpulsPage.fund(code, held, initiatives: initiatives), let name = held.fund(code)?.terms.name else {
            return try render(.message, title: "Niet gevonden", context: ["heading": "Niet gevonden", "message": "Er is geen fonds \(code.prefix(40))."], status: .notFound)
        }
        return try render(.impulsFund, title: name, context: context)
    }

    private func render(_ template: PageTemplate, title: String, context: [String: Any], status: HTTPResponse.Status = .ok) throws -> Response {
        let html = try PageRenderer.shared.get().page(template, title: title, nodeName: dependencies.node.info.name, context: context)
        return Response(status: status, headers: [.contentType: "text/html; charset=utf-8"], body: ResponseBody(byteBuffer: ByteBuffer(string: html)))
    }
}
