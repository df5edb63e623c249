import Foundation
import XCTest

@testable import MAEXNode

/// Slowloris: a client that sends its request head a byte at a time keeps the connection busy
/// without ever being idle; the node closes it once the head takes longer than
/// `requestHeadTimeout`, and serves everyone else meanwhile.
final class ServerSlowClientTests: XCTestCase {
    func testTricklingHeadersAreCutAtTheHeadTimeout() async throws {
        let node = try ServerTestNode()
        defer { node.remove() }
        let configuration = ServerTestNode.configuration {
            $0.requestHeadTimeout = .milliseconds(800)
            $0.maxConnections = 4
        }
        try await withLiveServer(node, configuration) { port in
            let slow = (0..<4).map { _ in try? RawHTTPConnection(port: port) }.compactMap { $0 }
            XCTAssertEqual(slow.count, 4)
            let started = ContinuousClock.now
            var open = slow.count
            var line = 0
            while open > 0, ContinuousClock.now - started < .seconds(6) {
                line += 1
                open = slow.filter { $0.send(line == 1 ? "GET /healthz HTTP/1.1\r\n" : "X-Slow-\(line): a\r\n") }.count
                try await Task.sleep(for: .milliseconds(100))
            }
            XCTAssertEqual(open, 0, "every trickling connection was closed")
            XCTAssertLessThan(ContinuousClock.now - started, .seconds(4))

            let fresh = try RawHTTPConnection(port: port)
            fresh.send(rawGet("/healthz"))
            XCTAssertEqual(try fresh.readAnswer(timeout: .seconds(5))?.status, 200, "served once the slow ones are gone")
        }
    }
}
