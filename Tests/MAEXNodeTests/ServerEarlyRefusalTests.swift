import Foundation
import MAEXStore
import MAEXWire
import XCTest

@testable import MAEXNode

/// A client that writes a large body to an endpoint that refuses it early gets its answer,
/// also when it does not send `Expect: 100-continue` and does not read while it writes: the
/// node answers with `Connection: close`, ends its side of the connection, and closes the
/// connection after a short linger instead of reading the rest of the body for ever.
final class ServerEarlyRefusalTests: XCTestCase {
    /// A gigabyte announced, a megabyte sent.
    static let announced = 1 << 30

    /// The answer read while the body is still being sent, then end of stream.
    private static func assertAnsweredEarly(
        _ connection: RawHTTPConnection, status: Int, code: String, file: StaticString = #filePath, line: UInt = #line
    ) throws {
        let started = ContinuousClock.now
        let answer = try XCTUnwrap(try connection.readAnswer(timeout: .seconds(5)), "no answer within 5 s", file: file, line: line)
        XCTAssertEqual(answer.status, status, file: file, line: line)
        XCTAssertEqual(answer.headers["connection"], "close", file: file, line: line)
        XCTAssertEqual(try JSONDecoder().decode(ErrorBody.self, from: Data(answer.body)).error.code, code, file: file, line: line)
        XCTAssertTrue(try connection.closesWithin(.seconds(5)), "the node ends its side after the answer", file: file, line: line)
        XCTAssertLessThan(ContinuousClock.now - started, .seconds(6), file: file, line: line)
    }

    /// Keeps sending body bytes until the node closes the connection; false if it still takes
    /// them after `limit`.
    private static func nodeStopsReading(_ connection: RawHTTPConnection, within limit: Duration, chunk: [UInt8]) -> Bool {
        connection.setSendTimeout(.seconds(2))
        let deadline = ContinuousClock.now + limit
        while ContinuousClock.now < deadline {
            guard connection.send(chunk) else { return true }
        }
        return false
    }

    private static func head(_ path: String, _ framing: String) -> String {
        "POST \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n\(framing)\r\n\r\n"
    }

    func testUnsignedPushWithAHugeBodyIsAnswered401AndClosed() async throws {
        let node = try ServerTestNode()
        defer { node.remove() }
        let configuration = ServerTestNode.configuration { $0.peerAuth.isRequired = true }
        try await withLiveServer(node, configuration) { port in
            let connection = try RawHTTPConnection(port: port)
            connection.setSendTimeout(.seconds(2))
            XCTAssertTrue(connection.send(Self.head("/v1/sync/push", "Content-Length: \(Self.announced)")))
            _ = connection.send([UInt8](repeating: UInt8(ascii: "x"), count: 1 << 20))
            try Self.assertAnsweredEarly(connection, status: 401, code: "signature_missing")
            XCTAssertTrue(
                Self.nodeStopsReading(connection, within: .seconds(15), chunk: [UInt8](repeating: 120, count: 1 << 16)),
                "the node closes the connection instead of reading the rest of the gigabyte")
            XCTAssertEqual(try node.store.changeSetCount(), 0)
        }
    }

    func testAnnouncedTooLargeBodyIsAnswered413AndClosed() async throws {
        let node = try ServerTestNode()
        defer { node.remove() }
        try await withLiveServer(node) { port in
            let connection = try RawHTTPConnection(port: port)
            connection.setSendTimeout(.seconds(2))
            XCTAssertTrue(connection.send(Self.head("/v1/sync/push", "Content-Length: \(Self.announced)")))
            _ = connection.send([UInt8](repeating: UInt8(ascii: "x"), count: 1 << 20))
            try Self.assertAnsweredEarly(connection, status: 413, code: "body_too_large")
            XCTAssertTrue(Self.nodeStopsReading(connection, within: .seconds(15), chunk: [UInt8](repeating: 120, count: 1 << 16)))
        }
    }

    /// A client that only reads once it cannot write any more (no Expect, endless chunked
    /// body): the node closes after the linger, and the answer is there to read.
    func testEndlessChunkedBodyGetsItsAnswerAfterTheNodeCloses() async throws {
        let node = try ServerTestNode()
        defer { node.remove() }
        try await withLiveServer(node) { port in
            let connection = try RawHTTPConnection(port: port)
            XCTAssertTrue(connection.send(Self.head("/v1/sync/pull", "Transfer-Encoding: chunked")))
            let size = 1 << 16
            let chunk = Array(String(size, radix: 16).utf8) + Array("\r\n".utf8) + [UInt8](repeating: 32, count: size) + Array("\r\n".utf8)
            XCTAssertTrue(Self.nodeStopsReading(connection, within: .seconds(20), chunk: chunk), "the node stops reading the endless body")
            let answer = try XCTUnwrap(try connection.readAnswer(timeout: .seconds(5)))
            XCTAssertEqual(answer.status, 413)
            XCTAssertEqual(answer.headers["connection"], "close")

            let fresh = try RawHTTPConnection(port: port)
            fresh.send(rawGet("/healthz"))
            let health = try XCTUnwrap(try fresh.readAnswer())
            XCTAssertEqual(health.status, 200)
            XCTAssertNil(health.headers["connection"], "a complete request keeps its connection")
        }
    }
}
