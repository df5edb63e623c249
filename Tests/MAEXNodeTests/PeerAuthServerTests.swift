import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import MAEXCore
import MAEXStore
import MAEXWire
import XCTest

@testable import MAEXNode

/// The sync endpoints behind peer authentication: every way a request can fail, answered with
/// 401/403/429 and a reason, and never a change of state; the public register stays open.
final class PeerAuthServerTests: XCTestCase {
    static let caller = SigningKey()

    private static func assertRefused(
        _ response: TestResponse, _ status: HTTPResponse.Status, _ code: String, file: StaticString = #filePath, line: UInt = #line
    ) throws {
        XCTAssertEqual(response.status, status, String(buffer: response.body), file: file, line: line)
        XCTAssertEqual(try response.errorCode(file: file, line: line), code, file: file, line: line)
        if status == .unauthorized {
            XCTAssertEqual(response.headers[.wwwAuthenticate], "Signature realm=\"\(ServerTestNode.realm)\"", file: file, line: line)
            let hint = HTTPField.Name("Accept-Signature").flatMap { response.headers[$0] } ?? ""
            XCTAssertTrue(hint.contains("\"content-digest\"") && hint.contains("alg=\"ed25519\""), hint, file: file, line: line)
        }
    }

    func testUnsignedPushIs401AndChangesNothing() async throws {
        let server = try PeerAuthTestNode()
        defer { server.remove() }
        let author = TestAuthor()
        try await server.app().test(.router) { client in
            let response = try await client.push([author.create(initiativeID(1), initiativeFields("Repair Café"))], by: Self.caller, headers: jsonHeaders)
            try Self.assertRefused(response, .unauthorized, "signature_missing")
            let vector = try await client.execute(uri: "/v1/sync/vector", method: .get)
            try Self.assertRefused(vector, .unauthorized, "signature_missing")
            let pull = try await client.execute(uri: "/v1/sync/pull", method: .post, headers: jsonHeaders, body: try jsonBody(PullRequest(vector: [:])))
            try Self.assertRefused(pull, .unauthorized, "signature_missing")
        }
        XCTAssertEqual(try server.node.store.changeSetCount(), 0)
    }

    func testSignedMemberPushIsStoredExactlyOnceAndItsReplayIs401() async throws {
        let server = try PeerAuthTestNode()
        defer { server.remove() }
        let author = TestAuthor(key: Self.caller)
        let body = try pushBody([author.create(initiativeID(1), initiativeFields("Repair Café"))])
        let headers = signedHeaders(Self.caller, path: "/v1/sync/push", body: body)
        try await server.app().test(.router) { client in
            let first = try await client.execute(uri: "/v1/sync/push", method: .post, headers: headers, body: body)
            XCTAssertEqual(first.status, .ok, String(buffer: first.body))
            XCTAssertEqual(try first.decoded(PushResponse.self).results.map(\.status), [.stored])
            let replay = try await client.execute(uri: "/v1/sync/push", method: .post, headers: headers, body: body)
            try Self.assertRefused(replay, .unauthorized, "signature_replayed")
            let signedVector = try await client.execute(
                uri: "/v1/sync/vector", method: .get, headers: signedHeaders(Self.caller, method: "GET", path: "/v1/sync/vector", body: nil))
            XCTAssertEqual(try signedVector.decoded(VectorResponse.self).heads[Self.caller.nodeID.hex]?.seq, 1)
        }
        XCTAssertEqual(try server.node.store.changeSetCount(), 1)
        XCTAssertEqual(try server.node.store.quarantine(limit: 10).count, 0, "the replay never reached the store")
    }

    func testTamperedBodyIsADigestMismatch() async throws {
        let server = try PeerAuthTestNode()
        defer { server.remove() }
        let author = TestAuthor()
        let signedBody = try pushBody([author.create(initiativeID(1), initiativeFields("Repair Café"))])
        let other = TestAuthor()
        let sentBody = try pushBody([other.create(initiativeID(2), initiativeFields("Buurthuis"))])
        try await server.app().test(.router) { client in
            let response = try await client.execute(
                uri: "/v1/sync/push", method: .post, headers: signedHeaders(Self.caller, path: "/v1/sync/push", body: signedBody), body: sentBody)
            try Self.assertRefused(response, .unauthorized, "digest_mismatch")
        }
        XCTAssertEqual(try server.node.store.changeSetCount(), 0)
    }

    func testSignatureByAnotherKeyThanKeyIDIs401() async throws {
        let server = try PeerAuthTestNode()
        defer { server.remove() }
        let impostor = SigningKey()
        let body = try pushBody([TestAuthor(key: Self.caller).create(initiativeID(1), initiativeFields("Repair Café"))])
        var headers = signedHeaders(impostor, path: "/v1/sync/push", body: body)
        let inputName = try XCTUnwrap(HTTPField.Name("Signature-Input"))
        headers[inputName] = headers[inputName]?.replacingOccurrences(of: impostor.nodeID.hex, with: Self.caller.nodeID.hex)
        let forged = headers
        try await server.app().test(.router) { client in
            let response = try await client.execute(uri: "/v1/sync/push", method: .post, headers: forged, body: body)
            try Self.assertRefused(response, .unauthorized, "signature_invalid")
        }
        XCTAssertEqual(try server.node.store.changeSetCount(), 0)
    }

    /// A request signed for another node, sent here: the authority received (`localhost`) is
    /// not the one signed. (A replay that also keeps the other node's `Host` is refused as
    /// `wrong_authority`: `PeerAuthLiveTests`.)
    func testRequestSignedForAnotherNodeIs401() async throws {
        let server = try PeerAuthTestNode()
        defer { server.remove() }
        let body = try pushBody([TestAuthor().create(initiativeID(1), initiativeFields("Repair Café"))])
        try await server.app().test(.router) { client in
            let response = try await client.execute(
                uri: "/v1/sync/push", method: .post,
                headers: signedHeaders(Self.caller, path: "/v1/sync/push", body: body, authority: "national.example:8081"), body: body)
            try Self.assertRefused(response, .unauthorized, "signature_invalid")
        }
        XCTAssertEqual(try server.node.store.changeSetCount(), 0)
    }

    func testExpiredAndFutureSignaturesAre401() async throws {
        let server = try PeerAuthTestNode()
        defer { server.remove() }
        let body = try pushBody([TestAuthor().create(initiativeID(1), initiativeFields("Repair Café"))])
        try await server.app().test(.router) { client in
            let old = try await client.execute(
                uri: "/v1/sync/push", method: .post, headers: signedHeaders(Self.caller, path: "/v1/sync/push", body: body, now: peerAuthNow - 120),
                body: body)
            try Self.assertRefused(old, .unauthorized, "signature_expired")
            let future = try await client.execute(
                uri: "/v1/sync/push", method: .post, headers: signedHeaders(Self.caller, path: "/v1/sync/push", body: body, now: peerAuthNow + 120),
                body: body)
            try Self.assertRefused(future, .unauthorized, "signature_not_yet_valid")
        }
        XCTAssertEqual(try server.node.store.changeSetCount(), 0)
    }

    func testValidSignatureOfANonMemberIs403() async throws {
        let member = SigningKey()
        let server = try PeerAuthTestNode(directory: StaticPeerDirectory(members: [member.nodeID], revoked: [Self.caller.nodeID])) {
            $0.admitsUnknownPeers = false
        }
        defer { server.remove() }
        let stranger = SigningKey()
        try await server.app().test(.router) { client in
            let unknown = try await client.push([TestAuthor(key: stranger).create(initiativeID(1), initiativeFields("A"))], by: stranger)
            try Self.assertRefused(unknown, .forbidden, "peer_unknown")
            let revoked = try await client.push([TestAuthor(key: Self.caller).create(initiativeID(2), initiativeFields("B"))], by: Self.caller)
            try Self.assertRefused(revoked, .forbidden, "peer_revoked")
            let accepted = try await client.push([TestAuthor(key: member).create(initiativeID(3), initiativeFields("C"))], by: member)
            XCTAssertEqual(try accepted.decoded(PushResponse.self).results.map(\.status), [.stored])
        }
        XCTAssertEqual(try server.node.store.changeSetCount(), 1)
    }

    func testNodesOutsideTheNetworkAndRevokedNodesMayReadButNotPush() async throws {
        let server = try PeerAuthTestNode(directory: StaticPeerDirectory(members: [], revoked: [Self.caller.nodeID]))
        defer { server.remove() }
        try await server.app().test(.router) { client in
            let revoked = try await client.push([TestAuthor(key: Self.caller).create(initiativeID(1), initiativeFields("A"))], by: Self.caller)
            try Self.assertRefused(revoked, .forbidden, "peer_revoked")
            let stranger = SigningKey()
            let pushed = try await client.push([TestAuthor(key: stranger).create(initiativeID(2), initiativeFields("B"))], by: stranger)
            try Self.assertRefused(pushed, .forbidden, "peer_unknown")
            let body = try jsonBody(PullRequest(vector: [:]))
            let pulled = try await client.execute(
                uri: "/v1/sync/pull", method: .post, headers: signedHeaders(stranger, path: "/v1/sync/pull", body: body), body: body)
            XCTAssertEqual(pulled.status, .ok, "a signed node outside the network may read the sync state")
            let revokedBody = try jsonBody(PullRequest(vector: [:]))
            let revokedPull = try await client.execute(
                uri: "/v1/sync/pull", method: .post, headers: signedHeaders(Self.caller, path: "/v1/sync/pull", body: revokedBody), body: revokedBody)
            XCTAssertEqual(revokedPull.status, .ok, "a revoked node may still learn of its revocation")
        }
        XCTAssertEqual(try server.node.store.changeSetCount(), 0)
        let open = try PeerAuthTestNode(directory: StaticPeerDirectory(members: [])) { $0.admitsUnknownPeers = true }
        defer { open.remove() }
        try await open.app().test(.router) { client in
            let stranger = SigningKey()
            let admitted = try await client.push([TestAuthor(key: stranger).create(initiativeID(2), initiativeFields("B"))], by: stranger)
            XCTAssertEqual(admitted.status, .ok, "admit_unknown_peers = true serves pushes of unknown nodes")
        }
    }

    func testStorePeerDirectoryFollowsTheCertificatesInTheStore() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("maex-peers-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let root = SigningKey()
        let store = try NodeStore(path: folder.appendingPathComponent("maex.sqlite").path, realm: ServerTestNode.realm,
                                  authority: .network(root: root.nodeID), logger: Logger(label: "test"))
        let certified = SigningKey().nodeID
        let revoked = SigningKey().nodeID
        let grants = ChangeSet(
            realm: ServerTestNode.realm, author: root.nodeID, seq: 1, prev: nil, hlc: HLCTimestamp(milliseconds: ServerTestNode.now - 1000, counter: 0),
            ops: [.trust(.grant(Grant(node: certified, role: .municipality, scope: ["GM0718"]))),
                  .trust(.grant(Grant(node: revoked, role: .municipality, scope: ["GM0716"]))),
                  .trust(.revoke(Revocation(node: revoked, fromSeq: 1)))]).signed(with: root)
        XCTAssertEqual(try store.receive([grants], nowMilliseconds: ServerTestNode.now), [.stored])
        let me = SigningKey().nodeID
        let directory = StorePeerDirectory(node: me, store: store)
        var standings: [PeerStanding] = []
        for node in [me, root.nodeID, certified, revoked, SigningKey().nodeID] { standings.append(try await directory.standing(of: node)) }
        XCTAssertEqual(standings, [.member, .member, .member, .revoked, .unknown])
    }

    func testPerNodeRateLimitAnswers429WithRetryAfter() async throws {
        let server = try PeerAuthTestNode { $0.perNode = RateLimit(burst: 2, perSecond: 0.01) }
        defer { server.remove() }
        let other = SigningKey()
        try await server.app().test(.router) { client in
            for _ in 0..<2 {
                let allowed = try await client.execute(
                    uri: "/v1/sync/vector", method: .get, headers: signedHeaders(Self.caller, method: "GET", path: "/v1/sync/vector", body: nil))
                XCTAssertEqual(allowed.status, .ok)
            }
            let limited = try await client.execute(
                uri: "/v1/sync/vector", method: .get, headers: signedHeaders(Self.caller, method: "GET", path: "/v1/sync/vector", body: nil))
            try Self.assertRefused(limited, .tooManyRequests, "rate_limited")
            XCTAssertEqual(limited.headers[.retryAfter], "100", "one token per 100 s")
            let otherNode = try await client.execute(
                uri: "/v1/sync/vector", method: .get, headers: signedHeaders(other, method: "GET", path: "/v1/sync/vector", body: nil))
            XCTAssertEqual(otherNode.status, .ok, "another node has its own bucket")
        }
    }

    func testPerAddressRateLimitRunsBeforeTheSignatureIsLookedAt() async throws {
        let server = try PeerAuthTestNode { $0.perAddress = RateLimit(burst: 1, perSecond: 0.5) }
        defer { server.remove() }
        try await server.app().test(.router) { client in
            let first = try await client.execute(uri: "/v1/sync/vector", method: .get)
            try Self.assertRefused(first, .unauthorized, "signature_missing")
            let second = try await client.execute(
                uri: "/v1/sync/vector", method: .get, headers: signedHeaders(Self.caller, method: "GET", path: "/v1/sync/vector", body: nil))
            try Self.assertRefused(second, .tooManyRequests, "rate_limited")
            XCTAssertEqual(second.headers[.retryAfter], "2")
        }
    }

    func testPublicReadsNeedNoSignature() async throws {
        let server = try PeerAuthTestNode { $0.perAddress = RateLimit(burst: 1, perSecond: 0.001) }
        defer { server.remove() }
        try await server.app().test(.router) { client in
            for path in ["/v1/node", "/v1/digest", "/v1/initiatives", "/v1/conflicts", "/v1/quarantine", "/healthz", "/metrics", "/openapi.json", "/"] {
                for _ in 0..<2 {
                    let response = try await client.execute(uri: path, method: .get)
                    XCTAssertEqual(response.status, .ok, "\(path) is open and not rate limited as sync")
                }
            }
        }
    }

    func testBadlyFormedSignatureHeadersAre401() async throws {
        let server = try PeerAuthTestNode()
        defer { server.remove() }
        let body = try pushBody([])
        var headers = signedHeaders(Self.caller, path: "/v1/sync/push", body: body)
        let signatureName = try XCTUnwrap(HTTPField.Name("Signature"))
        headers[signatureName] = "maex=not-a-byte-sequence"
        let malformed = headers
        try await server.app().test(.router) { client in
            let response = try await client.execute(uri: "/v1/sync/push", method: .post, headers: malformed, body: body)
            try Self.assertRefused(response, .unauthorized, "signature_malformed")
        }
    }
}
