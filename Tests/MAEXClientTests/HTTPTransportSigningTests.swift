import Foundation
import Logging
import MAEXCore
import MAEXWire
import XCTest

@testable import MAEXClient

/// The transport signs every attempt afresh, for the target as the peer receives it.
final class HTTPTransportSigningTests: XCTestCase {
    let key = SigningKey()

    private func verify(_ request: HTTPRequestSpec, authority: String, path: String, query: String?) throws -> RequestSignature {
        let fields = request.headers.map { (name: $0.name, value: $0.value) } + [(name: "Content-Type", value: request.contentType ?? "")]
        let message = SignatureMessage(method: request.method.rawValue, authority: authority, path: path, query: query, fields: fields)
        let signature = try RequestSignature.parse(
            signatureInput: message.fieldValue("signature-input"), signature: message.fieldValue("signature"))
        let now = Int64(Date().timeIntervalSince1970)
        let checked = try SignaturePolicy().check(
            signature, message: message, hasBody: request.method != .get, now: now, acceptsAuthority: { $0 == authority })
        XCTAssertEqual(try SignaturePolicy().verify(checked, contentDigest: message.fieldValue("content-digest"), body: request.body ?? Data()), key.nodeID)
        return signature
    }

    func testEveryAttemptIsSignedWithAFreshNonceForTheFullTarget() throws {
        let transport = try HTTPTransport(
            peer: PeerURL("http://Hub.Example:8082/maex"), logger: Logger(label: "test"), signer: RequestSigner(key: key))
        let request = HTTPRequestSpec.post("/v1/sync/pull?x=1", body: Data(#"{"vector":{}}"#.utf8))
        let first = transport.signedForAttempt(request)
        let second = transport.signedForAttempt(request)
        let one = try verify(first, authority: "hub.example:8082", path: "/maex/v1/sync/pull", query: "x=1")
        let two = try verify(second, authority: "hub.example:8082", path: "/maex/v1/sync/pull", query: "x=1")
        XCTAssertEqual(one.components, ["@method", "@authority", "@path", "@query", "content-digest"])
        XCTAssertNotEqual(one.nonce, two.nonce, "a retry is never a replay")
        XCTAssertEqual(one.nonce?.count, 22)
        XCTAssertEqual(first.path, request.path, "the path sent is unchanged")
    }

    func testUnsignedTransportLeavesRequestsAlone() throws {
        let transport = try HTTPTransport(peer: PeerURL("http://127.0.0.1:8082"), logger: Logger(label: "test"))
        let request = HTTPRequestSpec.get("/v1/sync/vector")
        XCTAssertEqual(transport.signedForAttempt(request), request)
    }

    func testAbsoluteTargetKeepsThePrefixAndSplitsTheQuery() throws {
        let peer = try PeerURL("http://h:1/prefix")
        XCTAssertEqual(peer.absoluteTarget(forPath: "/v1/sync/pull").path, "/prefix/v1/sync/pull")
        XCTAssertNil(peer.absoluteTarget(forPath: "/v1/sync/pull").query)
        XCTAssertEqual(peer.absoluteTarget(forPath: "v1/digest?area=GM0718").path, "/prefix/v1/digest")
        XCTAssertEqual(peer.absoluteTarget(forPath: "v1/digest?area=GM0718").query, "area=GM0718")
        XCTAssertEqual(try PeerURL("http://h:1").absoluteTarget(forPath: "/healthz").path, "/healthz")
    }
}
