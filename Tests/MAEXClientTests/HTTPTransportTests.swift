import Foundation
import MAEXClient
import XCTest

/// Round trips against an in-process Hummingbird peer on 127.0.0.1.
final class HTTPTransportTests: XCTestCase {
    func testGetRoundTrip() async throws {
        try await TestPeerServer.run { base, hits in
            let transport = try HTTPTransport(peer: PeerURL(base), logger: testLogger())
            let response = try await transport.send(.get("/hello"))
            XCTAssertEqual(response.status, 200)
            XCTAssertEqual(String(decoding: response.body, as: UTF8.self), "hello")
            XCTAssertEqual(response.contentType?.hasPrefix("text/plain"), true)
            XCTAssertEqual(response.attempts, 1)
            XCTAssertEqual(hits.count("hello"), 1)
        }
    }

    func testPostRoundTripWithBinaryBodyAndCustomHeaders() async throws {
        try await TestPeerServer.run { base, _ in
            let transport = try HTTPTransport(peer: PeerURL(base), logger: testLogger())
            // NUL bytes and every other byte value must survive (COPYPOSTFIELDS with an explicit size).
            let body = Data((0..<1000).map { UInt8($0 % 256) })
            let request = HTTPRequestSpec.post(
                "/echo", body: body, contentType: "application/maex-changeset",
                headers: [HTTPHeader(name: "X-MAEX-Signature", value: "ed25519:abc123")]
            )
            let response = try await transport.send(request)
            XCTAssertEqual(response.status, 200)
            XCTAssertEqual(response.body, body)
            XCTAssertEqual(response.contentType, "application/maex-changeset")
            XCTAssertEqual(response.headers.value(forName: "x-echo-signature"), "ed25519:abc123")
            XCTAssertEqual(response.headers.value(forName: "X-Echo-Method"), "POST")
        }
    }

    func testPutAndDeleteUseCustomRequest() async throws {
        try await TestPeerServer.run { base, _ in
            let transport = try HTTPTransport(peer: PeerURL(base), logger: testLogger())
            let put = try await transport.send(HTTPRequestSpec(method: .put, path: "/echo", body: Data("v".utf8)))
            XCTAssertEqual(put.headers.value(forName: "X-Echo-Method"), "PUT")
            XCTAssertEqual(put.body, Data("v".utf8))
            let delete = try await transport.send(HTTPRequestSpec(method: .delete, path: "/echo"))
            XCTAssertEqual(delete.headers.value(forName: "X-Echo-Method"), "DELETE")
            // The handle keeps options between requests: a GET after them must be a plain GET.
            let get = try await transport.send(.get("/hello"))
            XCTAssertEqual(String(decoding: get.body, as: UTF8.self), "hello")
        }
    }

    func testKeepAliveReusesOneConnection() async throws {
        try await TestPeerServer.run { base, hits in
            let transport = try HTTPTransport(peer: PeerURL(base), logger: testLogger())
            var newConnections: [Int] = []
            for index in 0..<20 {
                let request: HTTPRequestSpec = index.isMultiple(of: 2)
                    ? .get("/hello")
                    : .post("/echo", body: Data("ping \(index)".utf8))
                let response = try await transport.send(request)
                XCTAssertEqual(response.status, 200)
                newConnections.append(response.newConnections)
            }
            XCTAssertEqual(newConnections.first, 1, "the first request opens the connection")
            XCTAssertEqual(Array(newConnections.dropFirst()), Array(repeating: 0, count: 19), "later requests reuse it")
            XCTAssertEqual(hits.count("hello"), 10)
        }
    }

    func testConcurrentSendsOnOneTransportAreSerialisedOnOneConnection() async throws {
        try await TestPeerServer.run { base, hits in
            let transport = try HTTPTransport(peer: PeerURL(base), logger: testLogger())
            _ = try await transport.send(.get("/hello"))
            let connections = try await withThrowingTaskGroup(of: Int.self) { group in
                for _ in 0..<16 {
                    group.addTask { try await transport.send(.get("/hello")).newConnections }
                }
                return try await group.reduce(0, +)
            }
            XCTAssertEqual(connections, 0)
            XCTAssertEqual(hits.count("hello"), 17)
        }
    }

    func testByteAccountingOfASmallRoundIsExactAndUnder2KB() async throws {
        try await TestPeerServer.run { base, _ in
            let transport = try HTTPTransport(peer: PeerURL(base), logger: testLogger())
            let body = Data(#"{"since":42,"digest":"0123456789abcdef"}"#.utf8)
            let response = try await transport.send(.post("/echo", body: body, isIdempotent: true))
            XCTAssertEqual(response.body, body)
            // The request head alone is at least the request line, Host and Content-Length.
            XCTAssertGreaterThan(response.requestBytes, body.count + "POST /echo HTTP/1.1\r\n\r\n".utf8.count)
            XCTAssertGreaterThan(response.responseBytes, body.count + "HTTP/1.1 200 OK\r\n\r\n".utf8.count)
            XCTAssertLessThan(response.requestBytes, 2048)
            XCTAssertLessThan(response.responseBytes, 2048)
            // Body bytes count exactly: a body 1000 bytes longer costs exactly 1000 more bytes
            // (plus the digits of Content-Length).
            let longer = body + Data(repeating: 0x20, count: 1000)
            let second = try await transport.send(.post("/echo", body: longer, isIdempotent: true))
            XCTAssertEqual(second.requestBytes - response.requestBytes, 1000 + 2)
            XCTAssertEqual(second.responseBytes - response.responseBytes, 1000 + 2)
        }
    }

    func testByteAccountingOfALargeBodyCountsEveryByteOnce() async throws {
        try await TestPeerServer.run { base, _ in
            let transport = try HTTPTransport(peer: PeerURL(base), logger: testLogger())
            // 100,000 bytes (well past libcurl's 64 KiB "send with the head" limit) against 200,000:
            // same number of Content-Length digits, so the difference is exactly the bodies'.
            let small = try await transport.send(.post("/echo", body: Data(repeating: 1, count: 100_000)))
            let large = try await transport.send(.post("/echo", body: Data(repeating: 2, count: 200_000)))
            XCTAssertEqual(large.body.count, 200_000)
            XCTAssertEqual(large.requestBytes - small.requestBytes, 100_000)
            XCTAssertEqual(large.responseBytes - small.responseBytes, 100_000)
            XCTAssertGreaterThan(small.requestBytes, 100_000)
            XCTAssertLessThan(small.requestBytes, 100_000 + 1024)
        }
    }

    func testStalledResponseIsAbortedByTheLowSpeedLimit() async throws {
        try await TestPeerServer.run { base, _ in
            let peer = try PeerURL(base)
            let configuration = HTTPTransportConfiguration(
                // The peer sends 5 body bytes then nothing: well under 1000 bytes/s.
                lowSpeedLimit: 1000, lowSpeedTime: .seconds(1), totalTimeout: .seconds(30), retry: .none
            )
            let transport = try HTTPTransport(peer: peer, configuration: configuration, logger: testLogger())
            let started = ContinuousClock.now
            do throws(ClientError) {
                _ = try await transport.send(.get("/stall?ms=4000"))
                XCTFail("expected the low-speed limit to abort the transfer")
            } catch {
                guard case .timedOut(let name, let detail) = error else {
                    return XCTFail("expected timedOut, got \(error)")
                }
                XCTAssertEqual(name, peer.description)
                XCTAssertTrue(detail.contains("too slow"), detail)
            }
            XCTAssertLessThan(ContinuousClock.now - started, .seconds(3))
        }
    }

    func testResponseCapAbortsLargeResponse() async throws {
        try await TestPeerServer.run { base, hits in
            let peer = try PeerURL(base)
            let configuration = HTTPTransportConfiguration(maxResponseBytes: 64 << 10)
            let transport = try HTTPTransport(peer: peer, configuration: configuration, logger: testLogger())
            do throws(ClientError) {
                let response = try await transport.send(.get("/large"))
                XCTFail("expected responseTooLarge, got \(response.status) with \(response.body.count) bytes")
            } catch {
                XCTAssertEqual(error, .responseTooLarge(peer: peer.description, limit: 64 << 10))
                XCTAssertEqual(error.description, "response from peer \(peer) exceeded 64 KiB; transfer aborted")
            }
            XCTAssertEqual(hits.count("large"), 1, "a too-large response is not retried")
            // The transport stays usable: the aborted connection is replaced by a new one.
            let after = try await transport.send(.get("/hello"))
            XCTAssertEqual(after.status, 200)
            XCTAssertEqual(after.newConnections, 1)
        }
    }

    func testGzipResponseIsDecoded() async throws {
        let plain = TestPeerServer.gzipPlainText
        let blob = try gzipWithSystemTool(plain)
        XCTAssertEqual(Array(blob.prefix(2)), [0x1F, 0x8B])
        try await TestPeerServer.run(gzipBlob: blob) { base, _ in
            let transport = try HTTPTransport(peer: PeerURL(base), logger: testLogger())
            let response = try await transport.send(.get("/gzip"))
            XCTAssertEqual(response.status, 200)
            XCTAssertEqual(response.headers.value(forName: "Content-Encoding"), "gzip")
            XCTAssertEqual(response.body, plain)
            // Byte accounting counts what crossed the wire: the compressed body.
            XCTAssertLessThan(response.responseBytes, blob.count + 1024)
            XCTAssertGreaterThan(response.responseBytes, blob.count)
        }
    }

    func testCapAppliesToDecodedBody() async throws {
        let plain = TestPeerServer.gzipPlainText
        let blob = try gzipWithSystemTool(plain)
        try await TestPeerServer.run(gzipBlob: blob) { base, _ in
            let peer = try PeerURL(base)
            let configuration = HTTPTransportConfiguration(maxResponseBytes: plain.count - 1)
            let transport = try HTTPTransport(peer: peer, configuration: configuration, logger: testLogger())
            do throws(ClientError) {
                _ = try await transport.send(.get("/gzip"))
                XCTFail("a gzip bomb must not get past the cap")
            } catch {
                XCTAssertEqual(error, .responseTooLarge(peer: peer.description, limit: plain.count - 1))
            }
        }
    }

    func testRedirectIsNotFollowed() async throws {
        try await TestPeerServer.run { base, hits in
            let transport = try HTTPTransport(peer: PeerURL(base), logger: testLogger())
            let response = try await transport.send(.get("/redirect"))
            XCTAssertEqual(response.status, 302)
            XCTAssertEqual(response.headers.value(forName: "Location"), "/hello")
            XCTAssertEqual(hits.count("hello"), 0)
            XCTAssertThrowsError(try response.requireSuccess()) { error in
                XCTAssertEqual((error as? ClientError)?.description.contains("answered 302 Found"), true)
            }
        }
    }

    func testTotalTimeout() async throws {
        try await TestPeerServer.run { base, _ in
            let peer = try PeerURL(base)
            let configuration = HTTPTransportConfiguration(totalTimeout: .milliseconds(300), retry: .none)
            let transport = try HTTPTransport(peer: peer, configuration: configuration, logger: testLogger())
            let started = ContinuousClock.now
            do throws(ClientError) {
                _ = try await transport.send(.get("/slow?ms=1500"))
                XCTFail("expected a timeout")
            } catch {
                guard case .timedOut(let name, let detail) = error else {
                    return XCTFail("expected timedOut, got \(error)")
                }
                XCTAssertEqual(name, peer.description)
                XCTAssertTrue(detail.contains("timed out"), detail)
            }
            XCTAssertLessThan(ContinuousClock.now - started, .milliseconds(1400))
        }
    }

    func testCancellingTheTaskAbortsTheTransfer() async throws {
        try await TestPeerServer.run { base, _ in
            let peer = try PeerURL(base)
            let transport = try HTTPTransport(peer: peer, logger: testLogger())
            let started = ContinuousClock.now
            let task = Task { try await transport.send(.get("/slow?ms=4000")) }
            try await Task.sleep(for: .milliseconds(200))
            task.cancel()
            do {
                _ = try await task.value
                XCTFail("expected cancellation")
            } catch {
                XCTAssertEqual(error as? ClientError, .cancelled(peer: peer.description))
            }
            XCTAssertLessThan(ContinuousClock.now - started, .seconds(3))
        }
    }

    func testHeaderInjectionIsRejected() async throws {
        try await TestPeerServer.run { base, hits in
            let transport = try HTTPTransport(peer: PeerURL(base), logger: testLogger())
            let evil = HTTPRequestSpec.get("/hello", headers: [HTTPHeader(name: "X-A", value: "1\r\nX-B: 2")])
            do throws(ClientError) {
                _ = try await transport.send(evil)
                XCTFail("expected invalidRequest")
            } catch {
                guard case .invalidRequest = error else { return XCTFail("got \(error)") }
            }
            XCTAssertEqual(hits.count("hello"), 0)
        }
    }

    func testSynchronousSendOnce() async throws {
        try await TestPeerServer.run { base, _ in
            let transport = try HTTPTransport(peer: PeerURL(base), logger: testLogger())
            // sendOnce blocks its thread: run it off the cooperative pool.
            let response = try await withCheckedThrowingContinuation { continuation in
                Thread.detachNewThread {
                    continuation.resume(with: Result { () throws(ClientError) in try transport.sendOnce(.get("/hello")) })
                }
            }
            XCTAssertEqual(String(decoding: response.body, as: UTF8.self), "hello")
        }
    }
}
