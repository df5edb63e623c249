import Foundation
import MAEXClient
import XCTest
#if canImport(Glibc)
import Glibc
#endif

/// Retries, back-off and the statuses that must not be retried.
final class HTTPTransportRetryTests: XCTestCase {
    private static let policy = RetryPolicy(maxAttempts: 4, baseDelay: .milliseconds(100), maxDelay: .milliseconds(300))

    func testConnectionRefusedIsRetriedWithExponentialBackoffThenReported() async throws {
        let (fd, port) = try reserveRefusingPort()
        defer { close(fd) }
        let peer = try PeerURL("http://127.0.0.1:\(port)")
        let sleeps = SleepRecorder()
        let transport = try HTTPTransport(
            peer: peer, configuration: HTTPTransportConfiguration(retry: Self.policy), logger: testLogger(),
            random: { 0.5 }, sleep: sleeps.sleep
        )
        do throws(ClientError) {
            _ = try await transport.send(.get("/hello"))
            XCTFail("expected connection refused")
        } catch {
            XCTAssertEqual(error, .connectionRefused(peer: "http://127.0.0.1:\(port)/"))
            XCTAssertEqual(
                error.description,
                "peer http://127.0.0.1:\(port)/ refused the connection (nothing listening on that port?)"
            )
            XCTAssertTrue(error.isTransient)
        }
        // Full jitter with random 0.5: half of min(300 ms, 100 ms * 2^(n-1)) before retries 1, 2, 3.
        XCTAssertEqual(sleeps.delays, [.milliseconds(50), .milliseconds(100), .milliseconds(150)])
    }

    func testJitterSpansZeroToTheCap() async throws {
        let (fd, port) = try reserveRefusingPort()
        defer { close(fd) }
        for (unit, expected) in [(0.0, [Duration.zero, .zero, .zero]), (0.999, [.microseconds(99_900), .microseconds(199_800), .microseconds(299_700)])] {
            let sleeps = SleepRecorder()
            let transport = try HTTPTransport(
                peer: PeerURL("http://127.0.0.1:\(port)"), configuration: HTTPTransportConfiguration(retry: Self.policy),
                logger: testLogger(), random: { unit }, sleep: sleeps.sleep
            )
            await XCTAssertThrowsClientError(try await transport.send(.get("/")))
            XCTAssertEqual(sleeps.delays.count, 3)
            for (actual, wanted) in zip(sleeps.delays, expected) {
                XCTAssertEqual(actual.milliseconds, wanted.milliseconds, accuracy: 0.001)
            }
        }
    }

    func testServiceUnavailableThenOKSucceedsAfterRetries() async throws {
        try await TestPeerServer.run { base, hits in
            let sleeps = SleepRecorder()
            let transport = try HTTPTransport(
                peer: PeerURL(base), configuration: HTTPTransportConfiguration(retry: Self.policy),
                logger: testLogger(), random: { 1.0 }, sleep: sleeps.sleep
            )
            let response = try await transport.send(.get("/flaky"))
            XCTAssertEqual(response.status, 200)
            XCTAssertEqual(String(decoding: response.body, as: UTF8.self), "ok")
            XCTAssertEqual(response.attempts, 3)
            XCTAssertEqual(hits.count("flaky"), 3)
            XCTAssertEqual(sleeps.delays, [.milliseconds(100), .milliseconds(200)])
        }
    }

    func testExhaustedRetriesReturnTheLastAnswer() async throws {
        try await TestPeerServer.run { base, hits in
            let sleeps = SleepRecorder()
            let transport = try HTTPTransport(
                peer: PeerURL(base), configuration: HTTPTransportConfiguration(retry: Self.policy),
                logger: testLogger(), sleep: sleeps.sleep
            )
            let response = try await transport.send(.get("/status/504"))
            XCTAssertEqual(response.status, 504)
            XCTAssertEqual(response.attempts, 4)
            XCTAssertEqual(hits.count("status/504"), 4)
            XCTAssertEqual(sleeps.delays.count, 3)
            XCTAssertThrowsError(try response.requireSuccess()) { error in
                XCTAssertEqual(
                    (error as? ClientError)?.description,
                    "peer \(base)/ answered 504 Gateway Timeout: GET /status/504 - status 504 body"
                )
            }
        }
    }

    func testBadRequestIsNotRetried() async throws {
        try await TestPeerServer.run { base, hits in
            let sleeps = SleepRecorder()
            let transport = try HTTPTransport(
                peer: PeerURL(base), configuration: HTTPTransportConfiguration(retry: Self.policy),
                logger: testLogger(), sleep: sleeps.sleep
            )
            for status in [400, 404, 409, 413] {
                let response = try await transport.send(.get("/status/\(status)"))
                XCTAssertEqual(response.status, status)
                XCTAssertEqual(response.attempts, 1)
                XCTAssertEqual(hits.count("status/\(status)"), 1, "\(status) must not be retried")
            }
            XCTAssertEqual(sleeps.delays, [])
            let tooLarge = try await transport.send(.get("/status/413"))
            XCTAssertThrowsError(try tooLarge.requireSuccess()) { error in
                XCTAssertEqual(
                    error as? ClientError,
                    .unexpectedStatus(peer: "\(base)/", status: 413, detail: "GET /status/413 - status 413 body")
                )
                XCTAssertEqual(
                    (error as? ClientError)?.description,
                    "peer \(base)/ answered 413 Content Too Large: GET /status/413 - status 413 body"
                )
            }
        }
    }

    func testTooManyRequestsHonoursRetryAfter() async throws {
        try await TestPeerServer.run { base, hits in
            let sleeps = SleepRecorder()
            let transport = try HTTPTransport(
                peer: PeerURL(base),
                configuration: HTTPTransportConfiguration(retry: RetryPolicy(maxAttempts: 3, baseDelay: .milliseconds(100), maxDelay: .seconds(5))),
                logger: testLogger(), random: { 0.5 }, sleep: sleeps.sleep
            )
            let response = try await transport.send(.get("/busy?after=2"))
            XCTAssertEqual(response.status, 200)
            XCTAssertEqual(hits.count("busy"), 2)
            XCTAssertEqual(sleeps.delays, [.seconds(2)], "the peer's Retry-After wins over a shorter back-off")
        }
    }

    func testRetryAfterLongerThanMaxDelayIsReturnedToTheCaller() async throws {
        try await TestPeerServer.run { base, hits in
            let sleeps = SleepRecorder()
            let transport = try HTTPTransport(
                peer: PeerURL(base), configuration: HTTPTransportConfiguration(retry: Self.policy),
                logger: testLogger(), sleep: sleeps.sleep
            )
            let response = try await transport.send(.get("/busy?after=120"))
            XCTAssertEqual(response.status, 429)
            XCTAssertEqual(response.retryAfter, .seconds(120))
            XCTAssertEqual(hits.count("busy"), 1)
            XCTAssertEqual(sleeps.delays, [])
        }
    }

    func testNonIdempotentPostIsNotRepeatedAfter503() async throws {
        try await TestPeerServer.run { base, hits in
            let sleeps = SleepRecorder()
            let transport = try HTTPTransport(
                peer: PeerURL(base), configuration: HTTPTransportConfiguration(retry: Self.policy),
                logger: testLogger(), sleep: sleeps.sleep
            )
            let once = try await transport.send(.post("/status/503", body: Data("x".utf8)))
            XCTAssertEqual(once.status, 503)
            XCTAssertEqual(hits.count("post-status/503"), 1)
            let idempotent = try await transport.send(.post("/status/503", body: Data("x".utf8), isIdempotent: true))
            XCTAssertEqual(idempotent.attempts, 4)
            XCTAssertEqual(hits.count("post-status/503"), 5)
        }
    }

    func testCancelledSleepEndsRetriesAsCancelled() async throws {
        let (fd, port) = try reserveRefusingPort()
        defer { close(fd) }
        let peer = try PeerURL("http://127.0.0.1:\(port)")
        let transport = try HTTPTransport(
            peer: peer, configuration: HTTPTransportConfiguration(retry: Self.policy), logger: testLogger(),
            sleep: { _ in throw CancellationError() }
        )
        do throws(ClientError) {
            _ = try await transport.send(.get("/"))
            XCTFail("expected cancellation")
        } catch {
            XCTAssertEqual(error, .cancelled(peer: peer.description))
        }
    }
}

/// Asserts that `expression` throws a `ClientError`.
func XCTAssertThrowsClientError<T>(
    _ expression: @autoclosure () async throws(ClientError) -> T,
    file: StaticString = #filePath, line: UInt = #line
) async {
    do {
        _ = try await expression()
        XCTFail("expected a ClientError", file: file, line: line)
    } catch {}
}
