import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import MAEXCore
import MAEXWire
import XCTest

@testable import MAEXNode

/// A served node that requires signed sync requests, with a chosen peer directory and limits,
/// for the router-level tests of peer authentication (the test client's authority is
/// `localhost`).
struct PeerAuthTestNode {
    let node: ServerTestNode
    let directory: any PeerDirectory
    var configuration: NodeServerConfiguration

    init(directory: (any PeerDirectory)? = nil, _ change: (inout PeerAuthConfiguration) -> Void = { _ in }) throws {
        node = try ServerTestNode()
        self.directory = directory ?? StorePeerDirectory(node: node.directory.nodeID, store: node.store)
        configuration = ServerTestNode.configuration {
            $0.peerAuth = PeerAuthConfiguration(authorities: ["localhost"])
            change(&$0.peerAuth)
        }
    }

    /// The application serving the node.
    func app() -> some ApplicationProtocol {
        var logger = Logger(label: "test.peerauth")
        logger.logLevel = .warning
        let served = ServedNode(
            directory: node.directory, store: node.store, wallClock: { ServerTestNode.now }, peerDirectory: directory)
        return buildApplication(configuration: configuration, node: served, logger: logger)
    }

    func remove() { node.remove() }
}

/// The node's time in Unix seconds.
let peerAuthNow = ServerTestNode.now / 1000

/// JSON headers plus the signature fields of `key` for a request to `authority`.
func signedHeaders(
    _ key: SigningKey, method: String = "POST", path: String, body: ByteBuffer?, authority: String = "localhost",
    now: Int64 = peerAuthNow, nonce: String = UUID().uuidString
) -> HTTPFields {
    var fields = body == nil ? HTTPFields() : jsonHeaders
    let target = path.split(separator: "?", maxSplits: 1).map(String.init)
    let signed = RequestSigner(key: key).headers(
        method: method, authority: authority, path: target[0], query: target.count > 1 ? target[1] : nil,
        body: body.map { Array($0.readableBytesView) }, now: now, nonce: nonce)
    for (name, value) in signed {
        if let fieldName = HTTPField.Name(name) { fields.append(HTTPField(name: fieldName, value: value)) }
    }
    return fields
}

extension TestClientProtocol {
    /// A push of `changeSets`, signed by `key` unless `headers` are given.
    func push(_ changeSets: [SignedChangeSet], by key: SigningKey, headers: HTTPFields? = nil) async throws -> TestResponse {
        let body = try pushBody(changeSets)
        return try await execute(
            uri: "/v1/sync/push", method: .post, headers: headers ?? signedHeaders(key, path: "/v1/sync/push", body: body), body: body)
    }
}
