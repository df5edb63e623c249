import Hummingbird

/// `GET /openapi.json`: the OpenAPI 3.1 document, built from `protocol/openapi.yaml` and
/// loaded from the target's resources (`OpenAPIDocument`).
struct OpenAPIController: Sendable {
    func addRoutes(to router: Router<some RequestContext>) {
        router.on(RouteCatalog.openAPI) { _, _ in
            switch OpenAPIDocument.json {
            case .success(let bytes): return JSONResponse.raw(ByteBuffer(bytes: bytes))
            case .failure(let error): throw APIError.internalError(error.description)
            }
        }
    }
}
