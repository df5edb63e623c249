import Foundation
import Hummingbird
import HummingbirdTesting
import MAEXCore
import MAEXStore
import MAEXWire
import XCTest
import MAEXTestSupport

@testable import MAEXNode

/// Bad input gets a 4xx JSON answer with a stable code, changes nothing, and the node keeps
/// serving.
final class ServerRobustnessTests: XCTestCase {
    private static func assertRefused(
        _ client: some TestClientProtocol, _ uri: String, method: HTTPRequest.Method = .post, headers: HTTPFields = jsonHeaders,
        body: ByteBuffer?, status: HTTPResponse.Status, code: String, file: StaticString = #filePath, line: UInt = #line
    ) async throws {
        let response = try await client.execute(uri: uri, method: method, headers: headers, body: body)
        XCTAssertEqual(response.status, status, "\(method) \(uri)", file: file, line: line)
        XCTAssertEqual(try response.errorCode(file: file, line: line), code, "\(method) \(uri)", file: file, line: line)
        XCTAssertFalse(try response.decoded(ErrorBody.self).error.message.isEmpty, file: file, line: line)
    }

    func testGarbageAndTruncatedJSONAreBadJSON() async throws {
        let node = try ServerTestNode()
        defer { node.remove() }
        let author = TestAuthor()
        let valid = try pushBody([author.create(initiativeID(1), initiativeFields("Repair Café"))])
        let truncated = valid.getSlice(at: 0, length: valid.readableBytes / 2) ?? ByteBuffer()
        var random = SystemRandomNumberGenerator()
        let garbage = ByteBuffer(bytes: (0..<4096).map { _ in UInt8.random(in: 0...255, using: &random) })
        try await node.app().test(.router) { client in
            for uri in ["/v1/sync/push", "/v1/sync/pull"] {
                try await Self.assertRefused(client, uri, body: garbage, status: .badRequest, code: "bad_json")
                try await Self.assertRefused(client, uri, body: truncated, status: .badRequest, code: "bad_json")
                try await Self.assertRefused(
                    client, uri, body: ByteBuffer(string: "{\"changesets\": [{\"body\": \"x"), status: .badRequest, code: "bad_json")
                try await Self.assertRefused(client, uri, body: nil, status: .badRequest, code: "bad_json")
                try await Self.assertRefused(
                    client, uri, body: ByteBuffer(string: "[1, 2, 3]"), status: .badRequest, code: "invalid_request")
                try await Self.assertRefused(client, uri, body: ByteBuffer(string: "null"), status: .badRequest, code: "invalid_request")
            }
            try await Self.assertRefused(
                client, "/v1/sync/push", body: ByteBuffer(string: #"{"changesets": [{"body": 5, "sig": "AA=="}]}"#), status: .badRequest,
                code: "invalid_request")
            XCTAssertTrue(try node.store.vector().isEmpty)
            let push = try await client.execute(uri: "/v1/sync/push", method: .post, headers: jsonHeaders, body: valid)
            XCTAssertEqual(try push.decoded(PushResponse.self).results.map(\.status), [.stored], "the node still serves")
        }
    }

    /// Syntactically fine change sets that are not valid MAEX change sets are answered
    /// `rejected` one by one, next to a valid one that is stored.
    func testMalformedChangeSetsAreRejectedOneByOne() async throws {
        let node = try ServerTestNode()
        defer { node.remove() }
        let author = TestAuthor()
        let valid = author.create(initiativeID(1), initiativeFields("Repair Café"))
        let wire = WireChangeSet(valid)
        let request = PushRequest(changesets: [
            WireChangeSet(body: "not json", sig: wire.sig),
            WireChangeSet(body: wire.body, sig: "!!! not base64"),
            WireChangeSet(body: wire.body.replacingOccurrences(of: ServerTestNode.realm, with: "other-realm"), sig: wire.sig),
            WireChangeSet(body: "{}", sig: wire.sig),
            wire,
        ])
        try await node.app().test(.router) { client in
            let response = try await client.execute(uri: "/v1/sync/push", method: .post, headers: jsonHeaders, body: try jsonBody(request))
            XCTAssertEqual(response.status, .ok)
            let results = try response.decoded(PushResponse.self).results
            XCTAssertEqual(results.map(\.status), [.rejected, .rejected, .rejected, .rejected, .stored])
            for result in results.prefix(4) { XCTAssertFalse(result.reason?.isEmpty ?? true, "\(result)") }
            XCTAssertEqual(results[4].id, valid.id.hex)
            let quarantine = try await client.execute(uri: "/v1/quarantine", method: .get).decoded(QuarantineResponse.self)
            XCTAssertEqual(Set(quarantine.entries.map(\.id)), Set(results.prefix(4).map(\.id)))
        }
    }

    func testHugeBodyIs413() async throws {
        let node = try ServerTestNode()
        defer { node.remove() }
        let huge = ByteBuffer(repeating: UInt8(ascii: "a"), count: 20 * 1024 * 1024)
        try await node.app().test(.router) { client in
            try await Self.assertRefused(client, "/v1/sync/push", body: huge, status: .contentTooLarge, code: "body_too_large")
            var withoutLength = jsonHeaders
            withoutLength[.transferEncoding] = "chunked"
            try await Self.assertRefused(
                client, "/v1/sync/pull", headers: withoutLength, body: huge, status: .contentTooLarge, code: "body_too_large")
            let health = try await client.execute(uri: "/healthz", method: .get)
            XCTAssertEqual(health.status, .ok)
        }
    }

    func testSmallLimitCountsTheDecodedSizeOfAGzipBody() async throws {
        let node = try ServerTestNode()
        defer { node.remove() }
        let author = TestAuthor()
        let changeSets = (1...20).map { author.create(initiativeID($0), initiativeFields("Initiatief nummer \($0)")) }
        let plain = try pushBody(changeSets)
        let compressed = try gzip(plain)
        XCTAssertLessThan(compressed.readableBytes, 4000)
        XCTAssertGreaterThan(plain.readableBytes, 4000)
        let gzipHeaders: HTTPFields = [.contentType: "application/json", .contentEncoding: "gzip"]
        try await node.app(ServerTestNode.configuration { $0.maxBodyBytes = 4000 }).test(.router) { client in
            try await Self.assertRefused(
                client, "/v1/sync/push", headers: gzipHeaders, body: compressed, status: .contentTooLarge, code: "body_too_large")
        }
        try await node.app().test(.router) { client in
            let response = try await client.execute(uri: "/v1/sync/push", method: .post, headers: gzipHeaders, body: compressed)
            XCTAssertEqual(try response.decoded(PushResponse.self).results.map(\.status), Array(repeating: PushStatus.stored, count: 20))
            try await Self.assertRefused(
                client, "/v1/sync/push", headers: gzipHeaders, body: ByteBuffer(string: "not gzip"), status: .badRequest, code: "bad_json")
            var brotli = jsonHeaders
            brotli[.contentEncoding] = "br"
            try await Self.assertRefused(
                client, "/v1/sync/push", headers: brotli, body: plain, status: .unsupportedMediaType, code: "unsupported_media_type")
        }
    }

    func testWrongContentTypeIs415() async throws {
        let node = try ServerTestNode()
        defer { node.remove() }
        let body = ByteBuffer(string: #"{"vector":{}}"#)
        try await node.app().test(.router) { client in
            for contentType in ["text/plain", "application/x-www-form-urlencoded", "application/jsonx", "multipart/form-data; boundary=x"] {
                try await Self.assertRefused(
                    client, "/v1/sync/pull", headers: [.contentType: contentType], body: body, status: .unsupportedMediaType,
                    code: "unsupported_media_type")
            }
            try await Self.assertRefused(
                client, "/v1/sync/pull", headers: [:], body: body, status: .unsupportedMediaType, code: "unsupported_media_type")
            for contentType in ["application/json; charset=utf-8", "APPLICATION/JSON", "application/vnd.maex+json"] {
                let response = try await client.execute(
                    uri: "/v1/sync/pull", method: .post, headers: [.contentType: contentType], body: body)
                XCTAssertEqual(response.status, .ok, contentType)
            }
        }
    }

    func testUnknownRouteIs404AndWrongMethodIs405() async throws {
        let node = try ServerTestNode()
        defer { node.remove() }
        try await node.app().test(.router) { client in
            for uri in ["/nope", "/v2/node", "/v1/sync", "/v1/initiatives/\(initiativeID(1))/extra", "/../../etc/passwd"] {
                try await Self.assertRefused(client, uri, method: .get, body: nil, status: .notFound, code: "not_found")
            }
            let wrong = try await client.execute(uri: "/v1/sync/push", method: .get)
            XCTAssertEqual(wrong.status, .methodNotAllowed)
            XCTAssertEqual(try wrong.errorCode(), "method_not_allowed")
            XCTAssertEqual(wrong.headers[.allow], "POST")
            try await Self.assertRefused(
                client, "/v1/node", method: .delete, body: nil, status: .methodNotAllowed, code: "method_not_allowed")
        }
    }

    /// Random bytes and random mutations of valid requests, on every POST route: never a 5xx,
    /// always JSON.
    func testRandomInputNeverCausesA5xx() async throws {
        let node = try ServerTestNode()
        defer { node.remove() }
        let author = TestAuthor()
        let valid = try pushBody([author.create(initiativeID(1), initiativeFields("Repair Café"))])
        try await node.app().test(.router) { client in
            var generator = SeededGenerator(seed: 20_260_611)
            for round in 0..<300 {
                var bytes = Array(valid.readableBytesView)
                for _ in 0..<(1 + Int(generator.next() % 8)) {
                    let index = Int(generator.next() % UInt64(bytes.count))
                    switch generator.next() % 3 {
                    case 0: bytes[index] = UInt8(truncatingIfNeeded: generator.next())
                    case 1: bytes.remove(at: index)
                    default: bytes.insert(UInt8(truncatingIfNeeded: generator.next()), at: index)
                    }
                }
                let uri = round.isMultiple(of: 2) ? "/v1/sync/push" : "/v1/sync/pull"
                let response = try await client.execute(uri: uri, method: .post, headers: jsonHeaders, body: ByteBuffer(bytes: bytes))
                XCTAssertLessThan(response.status.code, 500, "round \(round): \(String(buffer: response.body))")
                XCTAssertEqual(response.headers[.contentType], "application/json; charset=utf-8")
            }
            let health = try await client.execute(uri: "/healthz", method: .get)
            XCTAssertEqual(health.status, .ok)
        }
    }
}
