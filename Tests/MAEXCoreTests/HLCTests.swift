import MAEXCore
import XCTest
import MAEXTestSupport

/// The hybrid logical clock: strictly increasing readings whatever the wall clock does, and
/// remote readings merged only within the accepted drift.
final class HLCTests: XCTestCase {
    private let wall: Int64 = 1_767_225_600_000

    func testTickFollowsAnAdvancingWallClock() {
        var clock = HybridLogicalClock()
        XCTAssertEqual(clock.tick(wallMilliseconds: wall), HLCTimestamp(milliseconds: wall, counter: 0))
        XCTAssertEqual(clock.tick(wallMilliseconds: wall + 5), HLCTimestamp(milliseconds: wall + 5, counter: 0))
        XCTAssertEqual(clock.last, HLCTimestamp(milliseconds: wall + 5, counter: 0))
    }

    func testTickIsStrictlyMonotonicWhenTheWallClockStandsStill() {
        var clock = HybridLogicalClock()
        var previous = clock.tick(wallMilliseconds: wall)
        for step in 1...100 {
            let next = clock.tick(wallMilliseconds: wall)
            XCTAssertGreaterThan(next, previous, "step \(step)")
            XCTAssertEqual(next, HLCTimestamp(milliseconds: wall, counter: Int64(step)))
            previous = next
        }
    }

    func testTickIsStrictlyMonotonicWhenTheWallClockGoesBackwards() {
        var clock = HybridLogicalClock()
        let first = clock.tick(wallMilliseconds: wall)
        let second = clock.tick(wallMilliseconds: wall - 60_000)
        XCTAssertEqual(second, HLCTimestamp(milliseconds: wall, counter: 1))
        XCTAssertGreaterThan(second, first)
        // Once the wall clock passes the old reading again, the counter resets.
        XCTAssertEqual(clock.tick(wallMilliseconds: wall + 1), HLCTimestamp(milliseconds: wall + 1, counter: 0))
    }

    func testTickIsMonotonicUnderARandomWalkOfTheWallClock() {
        var rng = SeededGenerator(seed: 0xC10C)
        var clock = HybridLogicalClock()
        var now = wall
        var previous = HLCTimestamp.zero
        for step in 0..<10_000 {
            now += Int64.random(in: -1_000...1_000, using: &rng)
            let reading = clock.tick(wallMilliseconds: now)
            XCTAssertGreaterThan(reading, previous, "step \(step)")
            XCTAssertGreaterThanOrEqual(reading.milliseconds, now, "a reading is never behind the wall clock")
            previous = reading
        }
    }

    func testContinuingAfterAStoredReading() {
        let stored = HLCTimestamp(milliseconds: wall, counter: 7)
        var clock = HybridLogicalClock(last: stored)
        XCTAssertEqual(clock.tick(wallMilliseconds: wall - 1), HLCTimestamp(milliseconds: wall, counter: 8))
    }

    func testObservingARemoteReadingWithinTheDriftMovesTheClock() throws {
        var clock = HybridLogicalClock()
        _ = clock.tick(wallMilliseconds: wall)
        let remote = HLCTimestamp(milliseconds: wall + 4 * 60_000, counter: 3)
        try clock.observe(remote, wallMilliseconds: wall)
        XCTAssertEqual(clock.last, remote)
        let next = clock.tick(wallMilliseconds: wall + 1)
        XCTAssertEqual(next, HLCTimestamp(milliseconds: wall + 4 * 60_000, counter: 4))
        XCTAssertGreaterThan(next, remote)
    }

    func testObservingExactlyTheDriftLimitIsAccepted() throws {
        var clock = HybridLogicalClock()
        let remote = HLCTimestamp(milliseconds: wall + HybridLogicalClock.defaultMaxDriftMilliseconds, counter: 99)
        try clock.observe(remote, wallMilliseconds: wall)
        XCTAssertEqual(clock.last, remote)
    }

    func testObservingAnOlderReadingLeavesTheClock() throws {
        var clock = HybridLogicalClock()
        let mine = clock.tick(wallMilliseconds: wall)
        try clock.observe(HLCTimestamp(milliseconds: wall - 10, counter: 50), wallMilliseconds: wall)
        XCTAssertEqual(clock.last, mine)
    }

    func testObservingBeyondTheDriftThrowsAndLeavesTheClockUnchanged() {
        var clock = HybridLogicalClock()
        let mine = clock.tick(wallMilliseconds: wall)
        let limit = wall + HybridLogicalClock.defaultMaxDriftMilliseconds
        let remote = HLCTimestamp(milliseconds: limit + 1, counter: 0)
        XCTAssertThrowsError(try clock.observe(remote, wallMilliseconds: wall)) { error in
            XCTAssertEqual(error as? ClockError, .tooFarInFuture(remote: remote, limitMilliseconds: limit))
        }
        XCTAssertEqual(clock.last, mine)
        XCTAssertThrowsError(try clock.check(remote, wallMilliseconds: wall))
        XCTAssertNoThrow(try clock.check(remote, wallMilliseconds: wall + 1))
    }

    func testACustomDriftIsHonoured() throws {
        var clock = HybridLogicalClock(maxDriftMilliseconds: 1_000)
        XCTAssertThrowsError(try clock.observe(HLCTimestamp(milliseconds: wall + 1_001, counter: 0), wallMilliseconds: wall))
        XCTAssertEqual(clock.last, .zero)
        try clock.observe(HLCTimestamp(milliseconds: wall + 1_000, counter: 0), wallMilliseconds: wall)
        XCTAssertEqual(clock.last, HLCTimestamp(milliseconds: wall + 1_000, counter: 0))
    }

    func testTimestampOrderAndWireForm() {
        XCTAssertLessThan(HLCTimestamp(milliseconds: 1, counter: 9), HLCTimestamp(milliseconds: 2, counter: 0))
        XCTAssertLessThan(HLCTimestamp(milliseconds: 2, counter: 0), HLCTimestamp(milliseconds: 2, counter: 1))
        XCTAssertEqual(HLCTimestamp(milliseconds: wall, counter: 3).jsonValue.canonicalString, "[\(wall),3]")
    }
}
