import Foundation
import GRDB
import Logging
import MAEXCore
import MAEXStore

/// Issue 3: applying change sets into a fresh SQLite store, against baselines from the same run.
enum StoreBench {
    static func run(_ report: BenchReport) throws {
        report.section("Store: applying change sets into SQLite")
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("maex-bench-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }

        let key = SigningKey()
        let opsTotal = 100_000
        let large = Fixtures.largeChangeSets(key: key, totalOps: opsTotal, startMilliseconds: 1_764_000_000_000).map { $0.signed(with: key) }
        let bulkSeconds = try Baseline.bulkInsert(large.map(\.changeSet), path: directory.appendingPathComponent("bulk.sqlite").path)
        report.line("- baseline: plain bulk insert of the same \(opsTotal) rows in one transaction: \(rate(opsTotal, bulkSeconds))")

        let store = try NodeStore(path: directory.appendingPathComponent("large.sqlite").path, realm: Fixtures.realm, logger: Logger(label: "bench"))
        let now = Int64(Date().timeIntervalSince1970 * 1000)
        let applySeconds = try measure {
            for chunk in stride(from: 0, to: large.count, by: 20) {
                let outcomes = try store.receive(Array(large[chunk..<min(chunk + 20, large.count)]), nowMilliseconds: now)
                precondition(outcomes.allSatisfy { $0 == .stored }, "benchmark change sets must be stored")
            }
        }
        let ratio = bulkSeconds / applySeconds
        report.line("- apply \(opsTotal) field operations as \(large.count) change sets of 100-500 ops (verified beforehand): \(rate(opsTotal, applySeconds)); ratio to bulk insert \(String(format: "%.2f", ratio)) (goal >= 0.3: \(ratio >= 0.3 ? "met" : "NOT met"))")

        try smallChangeSets(report, directory: directory, now: now)
    }

    /// 20,000 change sets of 1 to 5 operations, from bytes off the wire: verification dominates.
    private static func smallChangeSets(_ report: BenchReport, directory: URL, now: Int64) throws {
        let keys = (0..<20).map { _ in SigningKey() }
        var raw: [(body: [UInt8], signature: [UInt8])] = []
        var record = 0
        for (index, key) in keys.enumerated() {
            var prev: ChangeSetID?
            for seq in 1...1_000 {
                let opCount = 1 + (seq + index) % 5
                var ops: [ChangeOperation] = []
                for op in 0..<opCount {
                    let field = Fixtures.fields[op]
                    ops.append(.set(SetOperation(record: RecordKey(type: "initiative", id: Fixtures.recordID(record)), field: field,
                        value: Fixtures.value(field: field, record: record, version: seq))))
                }
                record += 1
                let changeSet = ChangeSet(realm: Fixtures.realm, author: key.nodeID, seq: Int64(seq), prev: prev,
                    hlc: HLCTimestamp(milliseconds: now - 100_000 + Int64(seq), counter: 0), ops: ops)
                let signed = changeSet.signed(with: key)
                prev = signed.id
                raw.append((signed.body, signed.signature))
            }
        }
        // Five rounds, each a verification baseline then a receive into a fresh store; the
        // round with the median ratio is reported (pairing the two keeps load drift out), with
        // how many of the cores the receive kept busy (below 2 when other work shares them).
        var rounds: [(verifyRate: Double, setsRate: Double, coresBusy: Double)] = []
        for round in 0..<5 {
            let verifySeconds = measure {
                for item in raw.prefix(5_000) {
                    _ = keys[0].nodeID.verify(signature: item.signature, over: item.body)
                }
            }
            let store = try NodeStore(path: directory.appendingPathComponent("small-\(round).sqlite").path, realm: Fixtures.realm, logger: Logger(label: "bench"))
            let cpuBefore = processCPUSeconds()
            let seconds = try measure {
                let results = try store.receive(raw: raw, nowMilliseconds: now)
                precondition(results.allSatisfy { $0.outcome == .stored }, "benchmark change sets must be stored")
            }
            let cpu = processCPUSeconds() - cpuBefore
            // Diagnostics on stdout only: CPU per change set (both threads) and idle core time.
            print(String(format: "  round %d: verify %.1f us, receive %.1f us wall, %.1f us CPU per change set, cores busy %.2f",
                round, verifySeconds / 5_000 * 1e6, seconds / Double(raw.count) * 1e6, cpu / Double(raw.count) * 1e6, cpu / seconds))
            rounds.append((5_000 / verifySeconds, Double(raw.count) / seconds, cpu / seconds))
        }
        let median = rounds.sorted { $0.setsRate / $0.verifyRate < $1.setsRate / $1.verifyRate }[rounds.count / 2]
        let ratios = rounds.map { String(format: "%.2f", $0.setsRate / $0.verifyRate) }.joined(separator: ", ")
        let ratio = median.setsRate / median.verifyRate
        report.line("- baseline: bare Ed25519 verification of these bodies, one core: \(String(format: "%.1f/s", median.verifyRate))")
        report.line("- receive \(raw.count) change sets of 1-5 ops from wire bytes (verify spread over \(ProcessInfo.processInfo.activeProcessorCount) cores, then the single writer; median of \(rounds.count) rounds, ratios \(ratios); cores busy \(String(format: "%.2f", median.coresBusy))): \(String(format: "%.1f/s", median.setsRate)); ratio to one core's verification rate \(String(format: "%.2f", ratio)) (goal >= 0.6: \(ratio >= 0.6 ? "met" : "NOT met"); goal > 1 with verification spread over the cores: \(ratio > 1 ? "met" : "NOT met"))")
        try parts(report, raw: raw, directory: directory, now: now)
    }

    /// The two halves of receiving small change sets, each alone on one core: opening
    /// (parse, decode, verify) and the writer applying change sets opened beforehand.
    private static func parts(_ report: BenchReport, raw: [(body: [UInt8], signature: [UInt8])], directory: URL, now: Int64) throws {
        var opened: [SignedChangeSet] = []
        opened.reserveCapacity(raw.count)
        let openSeconds = try measure {
            for item in raw { opened.append(try SignedChangeSet.open(body: item.body, signature: item.signature, realm: Fixtures.realm)) }
        }
        let store = try NodeStore(path: directory.appendingPathComponent("small-writer.sqlite").path, realm: Fixtures.realm, logger: Logger(label: "bench"))
        let cpuBefore = processCPUSeconds()
        let writeSeconds = try measure {
            for chunk in stride(from: 0, to: opened.count, by: 500) {
                let outcomes = try store.receive(Array(opened[chunk..<min(chunk + 500, opened.count)]), nowMilliseconds: now)
                precondition(outcomes.allSatisfy { $0 == .stored }, "benchmark change sets must be stored")
            }
        }
        print(String(format: "  writer alone: %.1f us CPU per change set", (processCPUSeconds() - cpuBefore) / Double(raw.count) * 1e6))
        let perSet = { (seconds: Double) in String(format: "%.0f us", seconds / Double(raw.count) * 1e6) }
        report.line("- per small change set, one core each: open (parse + decode + verify) \(perSet(openSeconds)), writer (decide + apply + commit, opened beforehand) \(perSet(writeSeconds))")
    }
}

/// User plus system CPU time of the whole process so far, in seconds.
func processCPUSeconds() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    let user = Double(usage.ru_utime.tv_sec) + Double(usage.ru_utime.tv_usec) / 1e6
    let system = Double(usage.ru_stime.tv_sec) + Double(usage.ru_stime.tv_usec) / 1e6
    return user + system
}
