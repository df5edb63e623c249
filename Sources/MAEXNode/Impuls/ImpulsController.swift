import Hummingbird
import MAEXCore
import MAEXStore

/// `GET /v1/impuls/funds` and `GET /v1/impuls/funds/{code}`: MAEX Impuls funds as this node
/// derives them (`FundStatus`), read only.
struct ImpulsController: Sendable {
    let dependencies: ServerDependencies

    func addRoutes(to router: Router<some RequestContext>) {
        router.on(RouteCatalog.impulsFunds) { _, _ in try await funds() }
        router.on(RouteCatalog.impulsFund) { _, context in try await fund(code: context.parameters.get("code") ?? "") }
    }

    func funds() async throws -> Response {
        let codes = try await dependencies.withStore { try $0.impulsRecords().fundCodes }
        return Self.json(.object(["funds": .array(codes.map(JSONValue.string))]))
    }

    func fund(code: String) async throws -> Response {
        let status = try await dependencies.withStore { FundStatus.json(code, in: try $0.impulsRecords()) }
        guard let status else { throw APIError.notFound("this node holds no fund \(code.prefix(40))") }
        return Self.json(status)
    }

    private static func json(_ value: JSONValue) -> Response {
        JSONResponse.raw(ByteBuffer(string: value.canonicalString))
    }
}
