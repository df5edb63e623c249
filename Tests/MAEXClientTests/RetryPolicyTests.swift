import Foundation
@testable import MAEXClient
import XCTest

final class RetryPolicyTests: XCTestCase {
    func testCapsGrowExponentiallyUpToMaxDelay() {
        let policy = RetryPolicy(maxAttempts: 10, baseDelay: .milliseconds(250), maxDelay: .seconds(2))
        let caps = (1...6).map { policy.delayCap(beforeRetry: $0) }
        XCTAssertEqual(caps, [.milliseconds(250), .milliseconds(500), .seconds(1), .seconds(2), .seconds(2), .seconds(2)])
        XCTAssertEqual(policy.delayCap(beforeRetry: 1000), .seconds(2), "no overflow for huge retry counts")
    }

    func testFullJitterAndRetryAfter() {
        let policy = RetryPolicy(baseDelay: .milliseconds(200), maxDelay: .seconds(10))
        XCTAssertEqual(policy.delay(beforeRetry: 2, unit: 0.25), .milliseconds(100))
        XCTAssertEqual(policy.delay(beforeRetry: 2, unit: 0), .zero)
        XCTAssertEqual(policy.delay(beforeRetry: 1, unit: 0.5, retryAfter: .seconds(3)), .seconds(3))
        XCTAssertNil(policy.delay(beforeRetry: 1, unit: 0.5, retryAfter: .seconds(11)))
    }

    func testDefaultsRetryOnlyTransientStatuses() {
        XCTAssertEqual(RetryPolicy.standard.retryableStatuses, [429, 502, 503, 504])
        XCTAssertEqual(RetryPolicy.none.maxAttempts, 1)
        XCTAssertEqual(RetryPolicy(maxAttempts: 0).maxAttempts, 1)
    }

    func testRetryAfterParsesSecondsAndHTTPDates() {
        let now = Date(timeIntervalSince1970: 784_111_777)  // Sun, 06 Nov 1994 08:49:37 GMT
        XCTAssertEqual(RetryAfter.parse("120", now: now), .seconds(120))
        XCTAssertEqual(RetryAfter.parse("Sun, 06 Nov 1994 08:50:07 GMT", now: now), .seconds(30))
        XCTAssertEqual(RetryAfter.parse("Sun, 06 Nov 1994 08:00:00 GMT", now: now), .zero)
        XCTAssertNil(RetryAfter.parse("soon", now: now))
        XCTAssertNil(RetryAfter.parse("-5", now: now))
    }

    func testErrorDescriptionsNameThePeer() {
        let peer = "http://127.0.0.1:9/"
        XCTAssertEqual(
            ClientError.responseTooLarge(peer: peer, limit: 8 << 20).description,
            "response from peer http://127.0.0.1:9/ exceeded 8 MiB; transfer aborted"
        )
        XCTAssertEqual(ClientError.responseTooLarge(peer: peer, limit: 1500).description.contains("1500 bytes"), true)
        XCTAssertEqual(ClientError.hostNotFound(peer: peer).errorDescription, "host of peer http://127.0.0.1:9/ could not be resolved")
        XCTAssertEqual(ClientError.timedOut(peer: peer, detail: "x").peer, peer)
        XCTAssertFalse(ClientError.unexpectedStatus(peer: peer, status: 400, detail: "").isTransient)
        XCTAssertEqual(ClientError.unexpectedStatus(peer: peer, status: 418, detail: "").description, "peer http://127.0.0.1:9/ answered 418")
    }
}
