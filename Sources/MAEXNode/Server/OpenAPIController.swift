import Hummingbird

/// `GET /openapi.json`: the OpenAPI 3.1 document, built from `protocol/openapi.yaml`.
struct OpenAPIController: Sendable {
    func addRoutes(to router: Router<some RequestContext>) {
        router.on(RouteCatalog.openAPI) { _, _ in JSONResponse.raw(ByteBuffer(string: OpenAPIDocument.json)) }
    }
}
