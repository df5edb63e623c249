import Foundation
import Hummingbird
import Logging
import MAEXCore
import MAEXStore
import MAEXWire

/// `GET /v1/node`, `GET /v1/digest` and `GET /healthz`.
struct NodeController: Sendable {
    let dependencies: ServerDependencies

    func addRoutes(to router: Router<some RequestContext>) {
        router.on(RouteCatalog.node) { _, _ in try nodeInfo() }
        router.on(RouteCatalog.digest) { request, _ in try await digest(request) }
        router.on(RouteCatalog.health) { _, _ in try await health() }
    }

    func nodeInfo() throws -> Response {
        let info = dependencies.node.info
        return try JSONResponse.make(
            MAEXWire.NodeInfo(
                id: info.nodeID.hex, name: info.name, role: info.role.rawValue, scope: info.scope, realm: info.realm,
                version: dependencies.node.softwareVersion))
    }

    func digest(_ request: Request) async throws -> Response {
        let node = dependencies.node.nodeID.hex
        guard let area = try QueryParameters(request.uri.query)["area"] else {
            let digest = try await dependencies.withStore { try $0.digest() }
            return try JSONResponse.make(DigestResponse(node: node, area: nil, digest: digest, records: nil))
        }
        let municipalities = try AreaCatalog.municipalities(of: area)
        let result = try await dependencies.withStore { store in
            var records: [(key: RecordKey, state: RecordState)] = []
            for municipality in municipalities.sorted() {
                records += try store.records(type: RecordSchema.initiative.type, municipality: municipality)
            }
            return AreaDigest.compute(records, municipalities: municipalities)
        }
        return try JSONResponse.make(DigestResponse(node: node, area: area, digest: result.digest, records: result.count))
    }

    func health() async throws -> Response {
        do {
            _ = try await dependencies.withStore { try $0.maxHLC() }
            return try JSONResponse.make(HealthResponse(status: "ok"))
        } catch {
            dependencies.logger.error("health check failed", metadata: ["error": "\(error)"])
            return try JSONResponse.make(HealthResponse(status: "unavailable"), status: .serviceUnavailable)
        }
    }
}
