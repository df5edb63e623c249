import Foundation
import MAEXCore
import XCTest
import MAEXTestSupport

/// Random histories in which one author's node is cloned part-way, so two chains share one
/// author id: every fresh replica that receives everything, in any order with duplicates,
/// detects the fork at the same sequence, retracts the author from there on, and ends in the
/// same register (the oracle over everything else).
///
/// Set `MAEX_CONVERGENCE_SEED=<n>` to replay one seed.
final class ConvergenceForkPropertyTests: XCTestCase {
    static let seedCount: UInt64 = 100

    func testForkedHistoriesConvergeInEveryDeliveryOrder() {
        let seeds: [UInt64]
        if let text = ProcessInfo.processInfo.environment["MAEX_CONVERGENCE_SEED"], let seed = UInt64(text) {
            seeds = [seed]
        } else {
            seeds = Array(10_001...(10_000 + Self.seedCount))
        }
        var failures = 0
        var retracted = 0
        var dependentsOfRetracted = 0
        for seed in seeds {
            do {
                let counts = try Self.run(seed: seed)
                retracted += counts.retracted
                dependentsOfRetracted += counts.dependents
            } catch {
                XCTFail("\(error)")
                failures += 1
                if failures >= 3 { break }
            }
        }
        guard seeds.count > 1, failures == 0 else { return }
        XCTAssertGreaterThan(retracted, 2 * Int(Self.seedCount), "change sets retracted by forks")
        XCTAssertGreaterThan(dependentsOfRetracted, 20, "other authors' change sets built on a retracted one")
    }

    static func run(seed: UInt64) throws -> (retracted: Int, dependents: Int) {
        typealias Failure = ConvergencePropertyTests.Failure
        var rng = SeededGenerator(seed: seed)
        var stats = ConvergencePropertyTests.Stats()
        let history = try ConvergencePropertyTests.makeHistory(seed: seed, rng: &rng, stats: &stats, forking: true)
        guard let fork = history.fork else { throw Failure(seed: seed, message: "the history has no fork") }
        let isRetracted = { (changeSet: ChangeSet) in changeSet.author == fork.author && changeSet.seq >= fork.seq }
        let kept = history.changeSets.map(\.changeSet).filter { !isRetracted($0) }
        let expected = ConvergenceOracle.records(of: kept)
        let expectedDigest = ConvergenceOracle.digest(of: expected)
        let dependents = kept.filter { $0.author != fork.author && ($0.deps[fork.author] ?? 0) >= fork.seq }.count

        for index in 0..<ConvergencePropertyTests.freshReplicas {
            var deliveries = history.changeSets
            for signed in history.changeSets where rng.chance(0.4) { deliveries.append(signed) }
            deliveries.shuffle(using: &rng)
            var replica = MemoryReplica(realm: SimKeys.realm)
            for signed in deliveries {
                replica.receive(signed, nowMilliseconds: history.endWall + ConvergencePropertyTests.maxSkew)
            }
            func fail(_ message: String) -> Failure { Failure(seed: seed, message: "replica \(index): \(message)") }
            guard replica.forkedFrom == [fork.author: fork.seq] else { throw fail("forkedFrom \(replica.forkedFrom), expected \(fork)") }
            guard replica.pending.isEmpty else { throw fail("\(replica.pending.count) change sets left pending") }
            guard replica.register.records == expected else { throw fail("register differs from the oracle") }
            guard replica.register.digest == expectedDigest else { throw fail("digest differs from the oracle") }
            guard replica.register.conflicts == ConvergenceOracle.conflicts(of: expected) else { throw fail("conflicts differ") }
            for changeSet in kept where !replica.holds(changeSet.ref) {
                throw fail("\(changeSet.ref) of an honest author is not held")
            }
        }
        return (history.changeSets.count - kept.count, dependents)
    }
}
