import Hummingbird
import MAEXCore
import MAEXWire

/// The JSON write API (admin credentials): `POST /v1/initiatives`, `PATCH`/`DELETE
/// /v1/initiatives/{id}`, and per collection (`contributions`, `needs`, `offers`, `partners`)
/// `POST /v1/initiatives/{id}/needs`, `PATCH`/`DELETE /v1/initiatives/{id}/needs/{subId}`. Each request becomes one signed
/// change set of this node.
struct InitiativeWriteController: Sendable {
    let dependencies: ServerDependencies

    private var gate: AdminGate { AdminGate(access: dependencies.node.admin) }

    func addRoutes<Context: RemoteAddressRequestContext>(to router: Router<Context>) {
        router.on(RouteCatalog.createInitiative) { request, context in
            try gate.requireAPI(request, from: context.remoteAddress)
            let body = try await object(request)
            var fields = body
            var children: [SubRecordKind: [[String: JSONValue]]] = [:]
            for kind in SubRecordKind.allCases {
                guard let value = fields.removeValue(forKey: kind.rawValue) else { continue }
                children[kind] = try list(value, name: kind.rawValue)
            }
            let (profile, collections) = (fields, children)
            let edit = try await edit { try $0.createInitiative(profile, children: collections) }
            return try respond(edit, status: .created)
        }
        router.on(RouteCatalog.updateInitiative) { request, context in
            try gate.requireAPI(request, from: context.remoteAddress)
            let id = context.parameters.get("id") ?? ""
            let fields = try await object(request)
            return try respond(try await edit { try $0.updateInitiative(id, fields) })
        }
        router.on(RouteCatalog.deleteInitiative) { request, context in
            try gate.requireAPI(request, from: context.remoteAddress)
            let id = context.parameters.get("id") ?? ""
            return try respond(try await edit { try $0.deleteInitiative(id) })
        }
        for kind in SubRecordKind.allCases {
            let collection = "/v1/initiatives/{id}/\(kind.rawValue)"
            router.on(Endpoint(method: .post, path: collection)) { request, context in
                try gate.requireAPI(request, from: context.remoteAddress)
                let id = context.parameters.get("id") ?? ""
                let fields = try await object(request)
                return try respond(try await edit { try $0.addSubRecord(kind, to: id, fields) }, status: .created)
            }
            router.on(Endpoint(method: .patch, path: collection + "/{subId}")) { request, context in
                try gate.requireAPI(request, from: context.remoteAddress)
                let (id, subID) = (context.parameters.get("id") ?? "", context.parameters.get("subId") ?? "")
                let fields = try await object(request)
                return try respond(try await edit { try $0.updateSubRecord(kind, of: id, id: subID, fields) })
            }
            router.on(Endpoint(method: .delete, path: collection + "/{subId}")) { request, context in
                try gate.requireAPI(request, from: context.remoteAddress)
                let (id, subID) = (context.parameters.get("id") ?? "", context.parameters.get("subId") ?? "")
                return try respond(try await edit { try $0.deleteSubRecord(kind, of: id, id: subID) })
            }
        }
    }

    /// Runs an edit on the store's executor, turning refusals into HTTP errors.
    private func edit(_ body: @escaping @Sendable (RegisterEditor) throws -> RegisterEditResult) async throws -> RegisterEditResult {
        guard let editor = dependencies.node.editor else {
            throw RegisterEditError.notEditable("this node serves read-only: it has no author").httpError
        }
        do {
            return try await dependencies.executor.run { try body(editor) }
        } catch let error as RegisterEditError {
            throw error.httpError
        } catch let error as AuthoringError {
            throw error.httpError
        }
    }

    /// The request body as a JSON object.
    private func object(_ request: Request) async throws -> [String: JSONValue] {
        let body = try await dependencies.bodyReader.decode(WireJSON.self, from: request)
        guard let members = body.value.objectValue else { throw APIError.invalidRequest("the body must be a JSON object of fields") }
        return members
    }

    /// A member that must be an array of objects.
    private func list(_ value: JSONValue, name: String) throws -> [[String: JSONValue]] {
        guard let items = value.arrayValue else { throw APIError.invalidRequest("\(name) must be an array of objects") }
        return try items.enumerated().map { index, item in
            guard let object = item.objectValue else { throw APIError.invalidRequest("\(name)[\(index)] must be an object of fields") }
            return object
        }
    }

    private func respond(_ result: RegisterEditResult, status: HTTPResponse.Status = .ok) throws -> Response {
        let changeSet = result.changeSet.changeSet
        let body = EditResponse(
            id: result.initiative,
            created: Dictionary(uniqueKeysWithValues: result.created.map { ($0.key.rawValue, $0.value) }),
            deleted: result.deleted.map { "\($0.type)/\($0.id)" },
            changeSet: .init(id: result.changeSet.id.hex, seq: changeSet.seq, operations: changeSet.ops.count))
        return try JSONResponse.make(body, status: status)
    }
}
