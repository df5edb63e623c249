import Foundation
import Hummingbird
import HummingbirdTesting
import MAEXCore
import MAEXStore
import MAEXWire
import XCTest

@testable import MAEXNode

/// Entity tags on every successful GET: 304 without a body when the client holds the answer,
/// a new tag once the answer changes, the same tag for the gzip form.
final class ServerETagTests: XCTestCase {
    func testGetAnswersCarryATagAndAMatchingRequestGets304WithoutABody() async throws {
        let node = try ServerTestNode()
        defer { node.remove() }
        let author = TestAuthor()
        _ = try node.store.receive([author.create(initiativeID(1), initiativeFields("Repair Café"))], nowMilliseconds: ServerTestNode.now)

        try await node.app().test(.router) { client in
            for uri in ["/v1/initiatives", "/v1/node", "/gemeente/GM0718", "/initiatief/\(initiativeID(1))", "/openapi.json"] {
                let first = try await client.execute(uri: uri, method: .get)
                XCTAssertEqual(first.status, .ok, uri)
                let tag = try XCTUnwrap(first.headers[.eTag], uri)
                XCTAssertTrue(tag.hasPrefix("W/\""), tag)
                let again = try await client.execute(uri: uri, method: .get, headers: [.ifNoneMatch: "\"other\", \(tag)"])
                XCTAssertEqual(again.status, .notModified, uri)
                XCTAssertEqual(again.body.readableBytes, 0, uri)
                XCTAssertEqual(again.headers[.eTag], tag, uri)
                let stale = try await client.execute(uri: uri, method: .get, headers: [.ifNoneMatch: "W/\"00\""])
                XCTAssertEqual(stale.status, .ok, uri)
                XCTAssertEqual(stale.body, first.body, uri)
            }
        }
    }

    func testTheTagChangesWithTheAnswerAndIsTheSameForTheGzipForm() async throws {
        let node = try ServerTestNode()
        defer { node.remove() }
        let author = TestAuthor()
        let changeSets = (1...30).map { author.create(initiativeID($0), initiativeFields("Initiatief \($0) in Vlissingen")) }
        _ = try node.store.receive(Array(changeSets.prefix(29)), nowMilliseconds: ServerTestNode.now)

        try await node.app().test(.router) { client in
            let plain = try await client.execute(uri: "/v1/initiatives", method: .get)
            let tag = try XCTUnwrap(plain.headers[.eTag])
            let compressed = try await client.execute(uri: "/v1/initiatives", method: .get, headers: [.acceptEncoding: "gzip"])
            XCTAssertEqual(compressed.headers[.contentEncoding], "gzip")
            XCTAssertEqual(compressed.headers[.eTag], tag, "one tag for both forms (weak)")

            _ = try node.store.receive([changeSets[29]], nowMilliseconds: ServerTestNode.now)
            let changed = try await client.execute(uri: "/v1/initiatives", method: .get, headers: [.ifNoneMatch: tag])
            XCTAssertEqual(changed.status, .ok, "the register changed, so the answer did")
            XCTAssertNotEqual(changed.headers[.eTag], tag)

            let post = try await client.execute(
                uri: "/v1/sync/pull", method: .post, headers: jsonHeaders, body: try jsonBody(PullRequest(vector: [:])))
            XCTAssertEqual(post.status, .ok)
            XCTAssertNil(post.headers[.eTag], "only GET and HEAD answers are tagged")
        }
    }

    func testIfNoneMatchParsing() {
        let tag = "W/\"abc\""
        XCTAssertTrue(ETagMiddleware<NodeRequestContext>.matches("\"abc\"", tag))
        XCTAssertTrue(ETagMiddleware<NodeRequestContext>.matches("W/\"x\" , W/\"abc\"", tag))
        XCTAssertTrue(ETagMiddleware<NodeRequestContext>.matches("*", tag))
        XCTAssertFalse(ETagMiddleware<NodeRequestContext>.matches("\"abcd\"", tag))
        XCTAssertFalse(ETagMiddleware<NodeRequestContext>.matches(nil, tag))
    }
}
