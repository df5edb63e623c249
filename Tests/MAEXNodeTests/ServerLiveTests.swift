import Foundation
import Hummingbird
import MAEXCore
import MAEXStore
import MAEXWire
import XCTest

@testable import MAEXNode

/// The server as `serve` runs it, over real sockets on 127.0.0.1.
final class ServerLiveTests: XCTestCase {
    func testServesOverTCPAndReportsTheBoundPort() async throws {
        let node = try ServerTestNode()
        defer { node.remove() }
        try await withLiveServer(node) { port in
            XCTAssertGreaterThan(port, 0)
            let connection = try RawHTTPConnection(port: port)
            connection.send(rawGet("/v1/node"))
            let answer = try XCTUnwrap(try connection.readAnswer())
            XCTAssertEqual(answer.status, 200)
            XCTAssertEqual(answer.headers["server"], "maex-node")
            XCTAssertEqual(try JSONDecoder().decode(MAEXWire.NodeInfo.self, from: Data(answer.body)).id, node.directory.nodeID.hex)
        }
    }

    /// A 20 MiB body is refused with 413 (announced by Content-Length, and streamed in chunks
    /// without a length), and the node still serves.
    func testHugeBodiesAreRefusedAndTheNodeStillServes() async throws {
        let node = try ServerTestNode()
        defer { node.remove() }
        let huge = [UInt8](repeating: UInt8(ascii: "x"), count: 20 * 1024 * 1024)
        try await withLiveServer(node) { port in
            let announced = try RawHTTPConnection(port: port)
            announced.send(
                "POST /v1/sync/push HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: \(huge.count)\r\n\r\n",
                body: huge)
            let first = try XCTUnwrap(try announced.readAnswer())
            XCTAssertEqual(first.status, 413)
            XCTAssertEqual(try JSONDecoder().decode(ErrorBody.self, from: Data(first.body)).error.code, "body_too_large")

            let chunked = try RawHTTPConnection(port: port)
            chunked.send("POST /v1/sync/pull HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n")
            let chunk =
                Array(String(1024 * 1024, radix: 16).utf8) + Array("\r\n".utf8) + [UInt8](repeating: 32, count: 1024 * 1024)
                + Array("\r\n".utf8)
            for _ in 0..<20 where chunked.send(chunk) {}
            chunked.send(Array("0\r\n\r\n".utf8))
            let second = try XCTUnwrap(try chunked.readAnswer())
            XCTAssertEqual(second.status, 413)
            XCTAssertEqual(try JSONDecoder().decode(ErrorBody.self, from: Data(second.body)).error.code, "body_too_large")

            let fresh = try RawHTTPConnection(port: port)
            fresh.send(rawGet("/healthz"))
            XCTAssertEqual(try fresh.readAnswer()?.status, 200)
        }
    }

    func testIdleConnectionsAreClosed() async throws {
        let node = try ServerTestNode()
        defer { node.remove() }
        try await withLiveServer(node, ServerTestNode.configuration { $0.idleTimeout = .milliseconds(300) }) { port in
            let silent = try RawHTTPConnection(port: port)
            let used = try RawHTTPConnection(port: port)
            used.send(rawGet("/healthz"))
            XCTAssertEqual(try used.readAnswer()?.status, 200)
            XCTAssertFalse(try used.closesWithin(.milliseconds(100)), "kept alive for a while")
            XCTAssertTrue(try silent.closesWithin(.seconds(5)), "a connection that never sends is closed")
            XCTAssertTrue(try used.closesWithin(.seconds(5)), "an idle keep-alive connection is closed")
        }
    }

    /// With a limit of two connections, a third waits (unanswered) until one of the two closes.
    func testConnectionLimitHoldsFurtherConnectionsBack() async throws {
        let node = try ServerTestNode()
        defer { node.remove() }
        try await withLiveServer(node, ServerTestNode.configuration { $0.maxConnections = 2 }) { port in
            var first: RawHTTPConnection? = try RawHTTPConnection(port: port)
            let second = try RawHTTPConnection(port: port)
            for connection in [first, second].compactMap({ $0 }) {
                connection.send(rawGet("/healthz"))
                XCTAssertEqual(try connection.readAnswer()?.status, 200)
            }
            let third = try RawHTTPConnection(port: port)
            third.send(rawGet("/healthz"))
            XCTAssertNil(try third.readAnswer(timeout: .milliseconds(700)), "the third connection is not served while two are open")
            first = nil
            XCTAssertEqual(try third.readAnswer(timeout: .seconds(5))?.status, 200, "served once a connection closed")
            _ = first
        }
    }
}
