import MAEXNode
import XCTest

final class SyncBackoffTests: XCTestCase {
    func testCapDoublesPerFailureUpToTheMaximum() {
        let backoff = SyncBackoff(initial: .seconds(1), maximum: .seconds(10))
        XCTAssertEqual(backoff.cap(afterFailures: 1), .seconds(1))
        XCTAssertEqual(backoff.cap(afterFailures: 2), .seconds(2))
        XCTAssertEqual(backoff.cap(afterFailures: 3), .seconds(4))
        XCTAssertEqual(backoff.cap(afterFailures: 4), .seconds(8))
        XCTAssertEqual(backoff.cap(afterFailures: 5), .seconds(10))
        XCTAssertEqual(backoff.cap(afterFailures: 500), .seconds(10), "a huge failure count must not overflow")
    }

    func testDelayIsJitteredWithinTheUpperHalfOfTheCap() {
        let backoff = SyncBackoff(initial: .seconds(2), maximum: .seconds(60))
        XCTAssertEqual(backoff.delay(afterFailures: 3, unit: 0), .seconds(4))
        XCTAssertEqual(backoff.delay(afterFailures: 3, unit: 0.5), .seconds(6))
        XCTAssertEqual(backoff.delay(afterFailures: 3, unit: 1), .seconds(8))
        XCTAssertEqual(backoff.delay(afterFailures: 3, unit: 7), .seconds(8), "out-of-range units are clamped")
        XCTAssertEqual(backoff.delay(afterFailures: 3, unit: -1), .seconds(4))
    }

    func testMaximumIsNeverBelowInitial() {
        let backoff = SyncBackoff(initial: .seconds(5), maximum: .seconds(1))
        XCTAssertEqual(backoff.maximum, .seconds(5))
        XCTAssertEqual(backoff.cap(afterFailures: 9), .seconds(5))
    }

    func testZeroOrNegativeFailureCountsUseTheFirstCap() {
        let backoff = SyncBackoff(initial: .milliseconds(300), maximum: .seconds(60))
        XCTAssertEqual(backoff.cap(afterFailures: 0), .milliseconds(300))
        XCTAssertEqual(backoff.cap(afterFailures: -3), .milliseconds(300))
    }
}
