import Hummingbird

/// Every endpoint of the HTTP API, in one place: the controllers register exactly these, the
/// error middleware answers 405 from it, and a test checks the OpenAPI document lists them.
enum RouteCatalog {
    static let node = Endpoint(method: .get, path: "/v1/node")
    static let digest = Endpoint(method: .get, path: "/v1/digest")
    static let vector = Endpoint(method: .get, path: "/v1/sync/vector")
    static let pull = Endpoint(method: .post, path: "/v1/sync/pull")
    static let push = Endpoint(method: .post, path: "/v1/sync/push")
    static let initiatives = Endpoint(method: .get, path: "/v1/initiatives")
    static let initiative = Endpoint(method: .get, path: "/v1/initiatives/{id}")
    static let conflicts = Endpoint(method: .get, path: "/v1/conflicts")
    static let quarantine = Endpoint(method: .get, path: "/v1/quarantine")
    static let health = Endpoint(method: .get, path: "/healthz")
    static let metrics = Endpoint(method: .get, path: "/metrics")
    static let openAPI = Endpoint(method: .get, path: "/openapi.json")
    static let createInitiative = Endpoint(method: .post, path: "/v1/initiatives")
    static let updateInitiative = Endpoint(method: .patch, path: "/v1/initiatives/{id}")
    static let deleteInitiative = Endpoint(method: .delete, path: "/v1/initiatives/{id}")
    static let impulsFunds = Endpoint(method: .get, path: "/v1/impuls/funds")
    static let impulsFund = Endpoint(method: .get, path: "/v1/impuls/funds/{code}")
    /// Per collection (`contributions`, `needs`, `offers`, `partners`): add, update, delete.
    static let subRecords: [Endpoint] = SubRecordKind.allCases.flatMap { kind in
        [
            Endpoint(method: .post, path: "/v1/initiatives/{id}/\(kind.rawValue)"),
            Endpoint(method: .patch, path: "/v1/initiatives/{id}/\(kind.rawValue)/{subId}"),
            Endpoint(method: .delete, path: "/v1/initiatives/{id}/\(kind.rawValue)/{subId}"),
        ]
    }

    /// All endpoints of the JSON API (the web pages are in `pages`).
    static let all: [Endpoint] = [
        node, digest, vector, pull, push, initiatives, initiative, conflicts, quarantine, health, metrics, openAPI,
        createInitiative, updateInitiative, deleteInitiative, impulsFunds, impulsFund,
    ] + subRecords + openData

    /// The methods allowed on a concrete request path (empty when no route has that path).
    static func allowedMethods(forPath path: String) -> [HTTPRequest.Method] {
        (all + pages).filter { $0.matches(path: path) }.map(\.method)
    }
}

extension RouterMethods {
    /// Registers `handler` for an endpoint of the catalog.
    @discardableResult
    func on(
        _ endpoint: Endpoint,
        use handler: @Sendable @escaping (Request, Context) async throws -> Response
    ) -> Self {
        on(RouterPath(endpoint.path), method: endpoint.method, use: handler)
    }
}
