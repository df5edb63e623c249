import Foundation
import MAEXCore
import XCTest
import MAEXTestSupport

/// Random multi-author histories with real causality and real concurrency, delivered to fresh
/// replicas in random orders with duplicates: every replica must end in the state the
/// independent `ConvergenceOracle` computes, byte for byte.
///
/// Set `MAEX_CONVERGENCE_SEED=<n>` to replay one seed (the failure messages name it).
final class ConvergencePropertyTests: XCTestCase {
    /// What one seed's run produced, summed to prove the runs were not vacuous.
    struct Stats {
        var changeSets = 0
        var conflicts = 0
        var threeWayConflicts = 0
        var deletedRecords = 0
        var setsOnDeletedRecords = 0
        var pendingOutcomes = 0
        var duplicateOutcomes = 0
        var pendingInAuthorViews = 0

        static func += (lhs: inout Stats, rhs: Stats) {
            lhs.changeSets += rhs.changeSets
            lhs.conflicts += rhs.conflicts
            lhs.threeWayConflicts += rhs.threeWayConflicts
            lhs.deletedRecords += rhs.deletedRecords
            lhs.setsOnDeletedRecords += rhs.setsOnDeletedRecords
            lhs.pendingOutcomes += rhs.pendingOutcomes
            lhs.duplicateOutcomes += rhs.duplicateOutcomes
            lhs.pendingInAuthorViews += rhs.pendingInAuthorViews
        }
    }

    /// A failed check, naming the seed so the run can be replayed.
    struct Failure: Error, CustomStringConvertible {
        var seed: UInt64
        var message: String
        var description: String { "seed \(seed) (replay with MAEX_CONVERGENCE_SEED=\(seed)): \(message)" }
    }

    static let seedCount: UInt64 = 300
    static let freshReplicas = 3
    static let fields = ["name", "name", "phase", "phase", "description", "volunteers", "sdgs"]
    static let startWall: Int64 = 1_767_225_600_000  // 2026-01-01
    static let maxSkew: Int64 = 120_000

    func testRandomHistoriesConvergeInEveryDeliveryOrder() {
        let seeds: [UInt64]
        if let text = ProcessInfo.processInfo.environment["MAEX_CONVERGENCE_SEED"], let seed = UInt64(text) {
            seeds = [seed]
        } else {
            seeds = Array(1...Self.seedCount)
        }
        var totals = Stats()
        var failures = 0
        for seed in seeds {
            do {
                totals += try Self.run(seed: seed)
            } catch {
                XCTFail("\(error)")
                failures += 1
                if failures >= 3 { break }
            }
        }
        // Only a complete run of many seeds says something about the totals.
        guard seeds.count > 1, failures == 0 else { return }
        // The runs must have exercised what they claim to prove.
        XCTAssertGreaterThan(totals.changeSets, 3_000, "change sets written")
        XCTAssertGreaterThan(totals.conflicts, 100, "fields left with concurrent writes")
        XCTAssertGreaterThan(totals.threeWayConflicts, 5, "fields with two or more losers")
        XCTAssertGreaterThan(totals.deletedRecords, 100, "deleted records")
        XCTAssertGreaterThan(totals.setsOnDeletedRecords, 20, "sets on records deleted in the author's view")
        XCTAssertGreaterThan(totals.pendingOutcomes, 1_000, "out-of-order arrivals held pending")
        XCTAssertGreaterThan(totals.duplicateOutcomes, 1_000, "duplicates answered as such")
        XCTAssertGreaterThan(totals.pendingInAuthorViews, 50, "out-of-order arrivals at authors")
        print("convergence totals over \(seeds.count) seeds: \(totals)")
    }

    /// One seed: write a history, deliver it, compare everything.
    static func run(seed: UInt64) throws -> Stats {
        var rng = SeededGenerator(seed: seed)
        var stats = Stats()
        let history = try makeHistory(seed: seed, rng: &rng, stats: &stats)
        let expected = ConvergenceOracle.records(of: history.changeSets.map(\.changeSet))
        let expectedDigest = ConvergenceOracle.digest(of: expected)
        let expectedConflicts = ConvergenceOracle.conflicts(of: expected)
        let expectedVector = history.authors.reduce(into: [NodeID: Int64]()) { vector, author in
            vector[author.id] = author.view.vector[author.id]
        }
        stats.changeSets = history.changeSets.count
        stats.conflicts = expectedConflicts.count
        stats.threeWayConflicts = expectedConflicts.filter { $0.losers.count >= 2 }.count
        stats.deletedRecords = expected.values.filter(\.isDeleted).count

        var first: MemoryReplica?
        for index in 0..<freshReplicas {
            var deliveries = history.changeSets
            for signed in history.changeSets where rng.chance(0.4) {
                deliveries.append(signed)
                if rng.chance(0.3) { deliveries.append(signed) }
            }
            deliveries.shuffle(using: &rng)
            var replica = MemoryReplica(realm: SimKeys.realm)
            for signed in deliveries {
                let outcome = replica.receive(signed, nowMilliseconds: history.endWall + maxSkew)
                switch outcome {
                case .stored: break
                case .pending: stats.pendingOutcomes += 1
                case .duplicate: stats.duplicateOutcomes += 1
                case .rejected, .fork, .retracted:
                    throw Failure(seed: seed, message: "replica \(index) answered \(outcome) for \(signed.changeSet.ref)")
                }
            }
            let label = "replica \(index) (\(deliveries.count) deliveries)"
            try check(
                replica, label: label, seed: seed, expected: expected, digest: expectedDigest,
                conflicts: expectedConflicts, vector: expectedVector)
            if let first, first.register != replica.register {
                throw Failure(seed: seed, message: "\(label) register differs from replica 0")
            }
            if first == nil { first = replica }
        }

        // Finally the authors sync completely: their views must converge too.
        var authors = history.authors
        for _ in 0..<2 {
            for to in authors.indices {
                for from in authors.indices where from != to {
                    for signed in authors[from].view.missing(for: authors[to].view.vector) {
                        try authors[to].receive(signed, wallMilliseconds: history.endWall)
                    }
                }
            }
        }
        for (index, author) in authors.enumerated() {
            try check(
                author.view, label: "author \(index) after full sync", seed: seed, expected: expected,
                digest: expectedDigest, conflicts: expectedConflicts, vector: expectedVector)
        }
        return stats
    }

    /// Compares one replica's whole state with the expectation.
    static func check(
        _ replica: MemoryReplica, label: String, seed: UInt64, expected: [RecordKey: RecordState], digest: String,
        conflicts: [Conflict], vector: [NodeID: Int64]
    ) throws {
        func fail(_ message: String) -> Failure { Failure(seed: seed, message: "\(label): \(message)") }
        guard replica.pending.isEmpty else { throw fail("\(replica.pending.count) change sets left pending") }
        guard replica.quarantine.isEmpty else { throw fail("quarantine not empty: \(Array(replica.quarantine.values))") }
        guard replica.forkedFrom.isEmpty else { throw fail("forks reported: \(replica.forkedFrom)") }
        guard replica.vector == vector else { throw fail("vector \(replica.vector) != \(vector)") }
        guard replica.appliedOrder.count == vector.values.reduce(0, +) else {
            throw fail("applied \(replica.appliedOrder.count) change sets")
        }
        guard replica.register.records == expected else {
            let differing = Set(expected.keys).union(replica.register.records.keys)
                .filter { expected[$0] != replica.register.records[$0] }.sorted()
            throw fail("register differs from the oracle in \(differing.count) records, first \(differing[0])")
        }
        guard replica.register.digest == digest else { throw fail("digest \(replica.register.digest) != oracle \(digest)") }
        guard replica.register.conflicts == conflicts else { throw fail("conflicts differ from the oracle") }
    }

    struct History {
        var authors: [SimAuthor]
        var changeSets: [SignedChangeSet]
        var endWall: Int64
        /// The author that forked and the first sequence of the two branches, if any.
        var fork: ChangeRef?
    }

    /// Authors edit their own views and exchange random partial batches in random order.
    ///
    /// With `forking`, author 0's node is cloned part-way (same key, same view): from then on
    /// two nodes write two different chains under one author id.
    static func makeHistory(seed: UInt64, rng: inout SeededGenerator, stats: inout Stats, forking: Bool = false) throws -> History {
        var authorCount = Int.random(in: 2...6, using: &rng)
        let keys = Array(SimKeys.all.shuffled(using: &rng).prefix(authorCount))
        var authors = keys.map { SimAuthor(key: $0) }
        var skews = keys.map { _ in Int64.random(in: -maxSkew...maxSkew, using: &rng) }
        var wall = startWall
        var nextRecord = Int(seed) * 1_000
        var changeSets: [SignedChangeSet] = []
        var fork: ChangeRef?
        let steps = Int.random(in: 15...35, using: &rng)
        let forkStep = forking ? Int.random(in: 0..<(steps / 2), using: &rng) : -1
        for step in 0..<steps {
            if step == forkStep {
                fork = ChangeRef(author: authors[0].id, seq: (authors[0].view.vector[authors[0].id] ?? 0) + 1)
                authors.append(authors[0])
                skews.append(Int64.random(in: -maxSkew...maxSkew, using: &rng))
                authorCount += 1
                // Both branches write at once, so the fork is real.
                for index in [0, authorCount - 1] {
                    var edits = randomEdits(for: authors[index].view, rng: &rng, nextRecord: &nextRecord, stats: &stats)
                    nextRecord += 1
                    edits.append(.set(SimKeys.initiative(nextRecord), field: "name", value: .string("Tak \(index)")))
                    changeSets.append(try authors[index].write(edits, wallMilliseconds: wall + skews[index]))
                }
            }
            wall += rng.chance(0.3) ? 0 : Int64.random(in: 1...3_000, using: &rng)
            if changeSets.isEmpty || rng.chance(0.55) {
                let index = Int.random(in: 0..<authorCount, using: &rng)
                // A wall clock that jitters, sometimes backwards.
                let now = wall + skews[index] - Int64.random(in: 0...1_500, using: &rng)
                let edits = randomEdits(for: authors[index].view, rng: &rng, nextRecord: &nextRecord, stats: &stats)
                changeSets.append(try authors[index].write(edits, wallMilliseconds: now))
            } else {
                let from = Int.random(in: 0..<authorCount, using: &rng)
                var to = Int.random(in: 0..<(authorCount - 1), using: &rng)
                if to >= from { to += 1 }
                let share = Double.random(in: 0.2...1, using: &rng)
                let batch = authors[from].view.missing(for: authors[to].view.vector)
                    .filter { $0.changeSet.author != authors[to].id && rng.chance(share) }
                for signed in batch.shuffled(using: &rng) {
                    let outcome = try authors[to].receive(signed, wallMilliseconds: wall + skews[to])
                    if case .pending = outcome { stats.pendingInAuthorViews += 1 }
                }
            }
        }
        return History(authors: authors, changeSets: changeSets, endWall: wall, fork: fork)
    }

    /// One to three edits: sets of random fields of known or new records, and some deletes.
    static func randomEdits(for view: MemoryReplica, rng: inout SeededGenerator, nextRecord: inout Int, stats: inout Stats) -> [SimEdit] {
        let known = view.register.records.keys.sorted()
        var edits: [SimEdit] = []
        var written = Set<FieldKey>()
        for _ in 0..<Int.random(in: 1...3, using: &rng) {
            if !known.isEmpty, rng.chance(0.06) {
                edits.append(.delete(rng.pick(known)))
                continue
            }
            let record: RecordKey
            if known.isEmpty || rng.chance(0.08) {
                nextRecord += 1
                record = SimKeys.initiative(nextRecord)
            } else {
                record = rng.pick(known)
            }
            let field = rng.pick(fields)
            guard written.insert(FieldKey(record: record, field: field)).inserted else { continue }
            if view.register.records[record]?.isDeleted == true { stats.setsOnDeletedRecords += 1 }
            edits.append(.set(record, field: field, value: randomValue(field, rng: &rng)))
        }
        if edits.isEmpty { edits.append(.delete(SimKeys.initiative(nextRecord + 1_000_000))) }
        return edits
    }

    static func randomValue(_ field: String, rng: inout SeededGenerator) -> JSONValue {
        switch field {
        case "name": .string(rng.pick(["Repair Café Vlissingen", "Voedselbank Tholen", "Buurtmoestuin", "Zeeuwse Zorg"]))
        case "description": .string("Beschrijving \(Int.random(in: 1...5, using: &rng)): \"samen\" doen\n")
        case "phase": .string(rng.pick(["plan", "start", "groei", "volwassen"]))
        case "volunteers": .int(Int64.random(in: 0...40, using: &rng))
        default:
            .array(
                Array(Set((0..<Int.random(in: 0...3, using: &rng)).map { _ in Int64.random(in: 1...17, using: &rng) })).sorted().map {
                    .int($0)
                })
        }
    }
}
