import Foundation
import MAEXCore
import XCTest
import MAEXTestSupport

/// The same random change sets, delivered in several random orders (with duplicates, in random
/// batches), must give the same digest, conflicts and vector in `MemoryReplica` and `NodeStore`.
///
/// Set `MAEX_STORE_SEED=<n>` to replay one seed (failure messages name it).
final class ReplicaConvergenceTests: XCTestCase {
    static let seedCount: UInt64 = 8
    static let ordersPerSeed = 3

    func testRandomOrdersGiveTheSameStateInBothImplementations() throws {
        let seeds: [UInt64]
        if let text = ProcessInfo.processInfo.environment["MAEX_STORE_SEED"], let seed = UInt64(text) {
            seeds = [seed]
        } else {
            seeds = Array(1...Self.seedCount)
        }
        var totals = (changeSets: 0, conflicts: 0, pending: 0, deleted: 0)
        for seed in seeds {
            var rng = SeededGenerator(seed: seed)
            let history = RandomHistory.make(seed: seed, authorCount: Int.random(in: 2...4, using: &rng), steps: 100, rng: &rng)
            let reference = Register.applying(history.changeSets)
            let now = history.endWall + 60_000
            var expectedVector: [NodeID: Int64] = [:]
            for signed in history.changeSets { expectedVector[signed.changeSet.author, default: 0] += 1 }
            totals.changeSets += history.changeSets.count
            totals.conflicts += reference.conflicts.count
            totals.deleted += reference.records.values.filter(\.isDeleted).count
            for order in 0..<Self.ordersPerSeed {
                var deliveries = history.changeSets
                for signed in history.changeSets where rng.chance(0.2) { deliveries.append(signed) }
                deliveries.shuffle(using: &rng)
                let replicas: [any ReplicaUnderTest] = [MemoryReplicaUnderTest(), NodeStoreUnderTest(store: try makeTemporaryStore(self))]
                if order == 1, let store = replicas[1] as? NodeStoreUnderTest { store.viaRawBytes = true }
                var start = 0
                while start < deliveries.count {
                    let end = min(deliveries.count, start + Int.random(in: 1...25, using: &rng))
                    let batch = Array(deliveries[start..<end])
                    for replica in replicas {
                        let outcomes = try replica.receive(batch, now: now)
                        totals.pending += outcomes.filter { $0.code == "pending" }.count
                        let refused = outcomes.filter { $0.code == "rejected" || $0.code == "fork" }
                        XCTAssertEqual(refused, [], "seed \(seed) order \(order) \(replica.name)")
                    }
                    start = end
                }
                for replica in replicas {
                    let label = "seed \(seed) (replay with MAEX_STORE_SEED=\(seed)) order \(order) \(replica.name)"
                    XCTAssertEqual(try replica.digest(), reference.digest, label)
                    XCTAssertEqual(try replica.conflicts(), reference.conflicts, label)
                    XCTAssertEqual(try replica.vector(), expectedVector, label)
                    XCTAssertEqual(try replica.pendingCount(), 0, label)
                    XCTAssertEqual(try replica.missing(from: [:]).count, history.changeSets.count, label)
                }
            }
        }
        // The runs must have exercised what they claim to.
        XCTAssertGreaterThan(totals.changeSets, Int(Self.seedCount) * 40, "change sets written")
        XCTAssertGreaterThan(totals.conflicts, 5, "concurrent writes left as conflicts")
        XCTAssertGreaterThan(totals.pending, 100, "out-of-order arrivals held pending")
        XCTAssertGreaterThan(totals.deleted, 3, "deleted records")
        print("store convergence totals over \(seeds.count) seeds: \(totals)")
    }
}
