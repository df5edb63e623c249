import Foundation
import Hummingbird
import HummingbirdTesting
import MAEXCore
import MAEXStore
import MAEXWire
import XCTest

@testable import MAEXNode

final class ServerGzipTests: XCTestCase {
    func testGzipAnswerDecodesToTheSameJSON() async throws {
        let node = try ServerTestNode()
        defer { node.remove() }
        let author = TestAuthor()
        let changeSets = (1...30).map { author.create(initiativeID($0), initiativeFields("Initiatief \($0) in Vlissingen")) }
        _ = try node.store.receive(changeSets, nowMilliseconds: ServerTestNode.now)
        let pull = try jsonBody(PullRequest(vector: [:]))

        try await node.app().test(.router) { client in
            for (uri, method, body) in [("/v1/initiatives", HTTPRequest.Method.get, ByteBuffer?.none), ("/v1/sync/pull", .post, pull)] {
                let plain = try await client.execute(uri: uri, method: method, headers: jsonHeaders, body: body)
                XCTAssertNil(plain.headers[.contentEncoding])
                var headers = jsonHeaders
                headers[.acceptEncoding] = "br;q=1.0, gzip;q=0.8, *;q=0.1"
                let compressed = try await client.execute(uri: uri, method: method, headers: headers, body: body)
                XCTAssertEqual(compressed.status, .ok)
                XCTAssertEqual(compressed.headers[.contentEncoding], "gzip", uri)
                XCTAssertEqual(compressed.headers[.vary], "Accept-Encoding")
                XCTAssertEqual(compressed.headers[.contentLength], String(compressed.body.readableBytes))
                XCTAssertLessThan(compressed.body.readableBytes, plain.body.readableBytes / 2, uri)
                XCTAssertEqual(try gunzip(compressed.body), plain.body, uri)
            }
        }
    }

    func testNoGzipWhenNotAcceptedOrTooSmall() async throws {
        let node = try ServerTestNode()
        defer { node.remove() }
        try await node.app().test(.router) { client in
            let refused = try await client.execute(uri: "/openapi.json", method: .get, headers: [.acceptEncoding: "gzip;q=0, identity"])
            XCTAssertNil(refused.headers[.contentEncoding])
            XCTAssertNoThrow(try JSONSerialization.jsonObject(with: Data(refused.body.readableBytesView)))
            let small = try await client.execute(uri: "/healthz", method: .get, headers: [.acceptEncoding: "gzip"])
            XCTAssertNil(small.headers[.contentEncoding])
            XCTAssertEqual(try small.decoded(HealthResponse.self).status, "ok")
            let error = try await client.execute(uri: "/nowhere", method: .get, headers: [.acceptEncoding: "gzip"])
            XCTAssertEqual(try error.errorCode(), "not_found")
        }
    }

    func testAcceptEncodingParsing() {
        XCTAssertTrue(AcceptEncoding.allowsGzip("gzip"))
        XCTAssertTrue(AcceptEncoding.allowsGzip("deflate, GZIP"))
        XCTAssertTrue(AcceptEncoding.allowsGzip("*"))
        XCTAssertTrue(AcceptEncoding.allowsGzip("gzip;q=0.5"))
        XCTAssertFalse(AcceptEncoding.allowsGzip(nil))
        XCTAssertFalse(AcceptEncoding.allowsGzip("identity"))
        XCTAssertFalse(AcceptEncoding.allowsGzip("gzip;q=0"))
        XCTAssertFalse(AcceptEncoding.allowsGzip("*, gzip;q=0"))
        XCTAssertFalse(AcceptEncoding.allowsGzip("br, deflate"))
    }
}
