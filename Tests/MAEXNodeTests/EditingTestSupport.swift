import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import MAEXCore
import MAEXStore
import MAEXWire
import XCTest

@testable import MAEXNode

/// A served node that can edit: an author with the node's key and scope, and an admin token.
struct EditingTestNode {
    static let token = String(repeating: "ab12", count: 16)

    var node: ServerTestNode

    /// A node of `role`/`scope`; `allowRemote` lets in-process requests (no peer address) in.
    init(role: NodeRole = .municipality, scope: [String] = ["GM0718"], allowRemote: Bool = true) throws {
        node = try ServerTestNode(name: role == .municipality ? "Gemeente Vlissingen" : "Provincie Zeeland", role: role, scope: scope)
        node.served.author = node.directory.makeAuthor(
            store: node.store, logger: Logger(label: "test.author"), wallClock: { ServerTestNode.now })
        node.served.admin = AdminAccess(token: Self.token, allowRemote: allowRemote)
    }

    var store: NodeStore { node.store }

    /// The admin headers of the JSON API.
    static var bearer: HTTPFields { [.authorization: "Bearer \(token)", .contentType: "application/json"] }
    /// HTTP Basic with the token as password.
    static var basic: HTTPFields { [.authorization: "Basic " + Data("beheer:\(token)".utf8).base64EncodedString()] }

    /// Sends one in-process request and returns status, headers and body.
    func send(
        _ method: HTTPRequest.Method, _ path: String, headers: HTTPFields = EditingTestNode.bearer, body: String? = nil
    ) async throws -> (status: HTTPResponse.Status, headers: HTTPFields, body: String) {
        try await node.app().test(.router) { client in
            try await client.execute(uri: path, method: method, headers: headers, body: body.map { ByteBuffer(string: $0) }) { response in
                (response.status, response.headers, String(buffer: response.body))
            }
        }
    }

    /// Posts a form (`application/x-www-form-urlencoded`) built from `fields`.
    func postForm(_ path: String, _ fields: [(String, String)], headers: HTTPFields = [:]) async throws
        -> (status: HTTPResponse.Status, headers: HTTPFields, body: String)
    {
        var allHeaders = headers
        allHeaders[.contentType] = "application/x-www-form-urlencoded"
        return try await send(.post, path, headers: allHeaders, body: Self.formBody(fields))
    }

    static func formBody(_ fields: [(String, String)]) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-_.")
        return fields.map { "\($0.0.addingPercentEncoding(withAllowedCharacters: allowed) ?? "")=\($0.1.addingPercentEncoding(withAllowedCharacters: allowed) ?? "")" }
            .joined(separator: "&")
    }

    /// The number of change sets the node holds.
    func changeSetCount() throws -> Int64 { try store.vector().values.reduce(0) { $0 + $1.seq } }

    /// Decodes a JSON answer.
    static func json(_ body: String) throws -> JSONValue { try JSONDecoder().decode(WireJSON.self, from: Data(body.utf8)).value }

    func remove() { node.remove() }
}
