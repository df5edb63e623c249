import Foundation
import Synchronization
import XCTest

@testable import MAEXNode

/// The one executor for blocking work: every job runs and answers, never more than `width` at
/// once, and a job's error reaches its caller.
final class BlockingExecutorTests: XCTestCase {
    private struct Failure: Error, Equatable {}

    /// How many jobs run now, and the most that ran at once.
    private final class Gauge: Sendable {
        struct Counts: Sendable {
            var running = 0
            var peak = 0
        }

        let counts = Mutex(Counts())
    }

    /// Width 1, because the dispatch pool itself runs about one job per core: with two cores an
    /// unbounded executor runs two of these at once.
    func testRunsEveryJobButAtMostWidthAtOnce() async throws {
        let executor = BlockingExecutor(label: "test.executor", width: 1)
        let gauge = Gauge()
        let results = try await withThrowingTaskGroup(of: Int.self) { group in
            for number in 0..<40 {
                group.addTask {
                    try await executor.run { () throws -> Int in
                        gauge.counts.withLock { $0.running += 1; $0.peak = max($0.peak, $0.running) }
                        Thread.sleep(forTimeInterval: 0.005)
                        gauge.counts.withLock { $0.running -= 1 }
                        return number
                    }
                }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        XCTAssertEqual(results.sorted(), Array(0..<40))
        let peak = gauge.counts.withLock { $0.peak }
        XCTAssertEqual(peak, 1, "40 jobs of 5 ms, never two at once")
        XCTAssertEqual(gauge.counts.withLock { $0.running }, 0)
    }

    func testATypedErrorReachesTheCaller() async {
        let executor = BlockingExecutor(label: "test.executor", width: 1)
        do {
            _ = try await executor.run { () throws(Failure) -> Int in throw Failure() }
            XCTFail("expected the job's error")
        } catch {
            XCTAssertEqual(error, Failure())
        }
        let after = await executor.run { () throws(Never) -> Int in 7 }
        XCTAssertEqual(after, 7, "the slot is free again after a failure")
    }
}
