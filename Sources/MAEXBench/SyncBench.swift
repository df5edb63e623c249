import Dispatch
import Foundation
import GRDB
import Logging
import MAEXClient
import MAEXCore
import MAEXNode
import MAEXStore
import Synchronization

/// Issue 4: initial sync over HTTP, wire bytes, a no-op round and the receiver's peak memory.
///
/// The sending node is a `maex-node serve` child process (the binary beside this one); the
/// receiver is a `SyncRound` in this process writing a fresh store, except for the memory
/// benchmark, where the receiver is a second child process whose `VmHWM` is read from /proc.
enum SyncBench {
    static let logger: Logger = {
        var logger = Logger(label: "maex.bench.sync")
        logger.logLevel = .error
        return logger
    }()

    /// The key the benchmark's clients sign their requests with (the served nodes admit
    /// unknown peers by default).
    static let callerKey = SigningKey()
    /// Short timeouts for polling.
    static let quick = HTTPTransportConfiguration(connectTimeout: .seconds(2), totalTimeout: .seconds(10), retry: .none)
    /// Patient settings for transfers.
    static let transfer = HTTPTransportConfiguration(totalTimeout: .seconds(300), maxResponseBytes: 64 << 20, retry: .none)

    static func run(_ report: BenchReport) throws {
        report.section("Sync over HTTP (maex-node serve child process -> SyncRound over libcurl, loopback)")
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("maex-syncbench-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: root) }
        let now = Int64(Date().timeIntervalSince1970 * 1000)
        try largeInitialSync(report, root: root, now: now)
        try realisticWireBytes(report, root: root, now: now)
        try smallInitialSync(report, root: root, now: now)
        try peakMemory(report, root: root, now: now)
    }

    // MARK: 100,000 field operations

    private static func largeInitialSync(_ report: BenchReport, root: URL, now: Int64) throws {
        let key = SigningKey()
        let opsTotal = 100_000
        let sets = Fixtures.largeChangeSets(key: key, totalOps: opsTotal, startMilliseconds: now - 3_600_000).map { $0.signed(with: key) }
        let bulkSeconds = try Baseline.bulkInsert(sets.map(\.changeSet), path: root.appendingPathComponent("bulk.sqlite").path)
        report.line("- baseline: plain SQLite bulk insert of the same \(opsTotal) rows, one transaction: \(rate(opsTotal, bulkSeconds))")

        let source = try SyncBenchNode(folder: root.appendingPathComponent("large-source"), realm: Fixtures.realm)
        try fill(source, with: sets, now: now)
        try source.start()
        defer { source.stop() }
        let receiver = try NodeStore(path: root.appendingPathComponent("large-receiver.sqlite").path, realm: Fixtures.realm, logger: logger)
        let client = try PeerClient(url: source.url, configuration: transfer, logger: logger, signingKey: SyncBench.callerKey)
        let (summary, seconds) = try timedRound(receiver, client)
        guard summary.stored == sets.count else { throw SyncBenchError.incomplete("stored \(summary.stored) of \(sets.count)") }
        let ratio = bulkSeconds / seconds
        report.line("- initial sync of \(opsTotal) field operations (\(sets.count) change sets of 100-500 ops) to a fresh node: \(rate(opsTotal, seconds)) in \(summary.pullRequests) requests; ratio to bulk insert \(String(format: "%.2f", ratio)) (goal >= 0.25: \(ratio >= 0.25 ? "met" : "NOT met"))")
        let perOp = Double(summary.traffic.responseBytes) / Double(opsTotal)
        report.line("- bytes on the wire for these (repetitive benchmark) operations, gzip-compressed: \(String(format: "%.1f", perOp)) B per field operation")

        var noOp = SyncSummary(peer: source.url)
        let noOpSeconds = try median(runs: 5) { noOp = try timedRound(receiver, client).summary }
        report.line("- no-op round between the synced nodes (\(opsTotal) ops held): \(String(format: "%.2f", noOpSeconds * 1000)) ms, \(noOp.traffic.requests) request, \(noOp.traffic.requestBytes) B out, \(noOp.traffic.responseBytes) B in")
    }

    // MARK: Wire bytes of realistic edits

    /// 20,000 field operations as 2,000 change sets of 10, on random record ids, with varied
    /// Dutch text and numbers: what compresses less than the benchmark fixtures.
    private static func realisticWireBytes(_ report: BenchReport, root: URL, now: Int64) throws {
        var generator = BenchRandom(seed: 0x4D41_4558)
        let words = ["buurt", "vrijwilligers", "moestuin", "repair", "café", "energie", "zorg", "ouderen", "jongeren", "taal",
                     "natuur", "wijk", "samen", "dorp", "huis", "koffie", "fiets", "groen", "voedsel", "sport", "muziek", "school"]
        let fields = ["name", "description", "volunteers", "phase", "address", "people_reached", "email", "website"]
        let authors = (0..<5).map { _ in SigningKey() }
        var records: [String] = []
        var sets: [SignedChangeSet] = []
        var opsTotal = 0
        var heads: [NodeID: (seq: Int64, id: ChangeSetID)] = [:]
        for index in 0..<2_000 {
            let key = authors[index % authors.count]
            var ops: [ChangeOperation] = []
            var written = Set<String>()
            while ops.count < 10 {
                if records.isEmpty || generator.next() % 4 == 0 { records.append(UUID().uuidString.lowercased()) }
                let record = records[Int(generator.next() % UInt64(records.count))]
                let field = fields[Int(generator.next() % UInt64(fields.count))]
                guard written.insert(record + field).inserted else { continue }
                let text = (0..<(3 + Int(generator.next() % 12))).map { _ in words[Int(generator.next() % UInt64(words.count))] }.joined(separator: " ")
                let value: JSONValue = switch field {
                case "volunteers", "people_reached": .int(Int64(generator.next() % 5000))
                case "phase": .string(["plan", "start", "groei", "volwassen"][Int(generator.next() % 4)])
                case "email": .string("info@\(words[Int(generator.next() % UInt64(words.count))])\(generator.next() % 1000).nl")
                case "website": .string("https://\(words[Int(generator.next() % UInt64(words.count))])-\(generator.next() % 10000).example.nl")
                default: .string(text)
                }
                ops.append(.set(SetOperation(record: RecordKey(type: "initiative", id: record), field: field, value: value)))
            }
            opsTotal += ops.count
            let head = heads[key.nodeID]
            let seq = (head?.seq ?? 0) + 1
            let changeSet = ChangeSet(realm: Fixtures.realm, author: key.nodeID, seq: seq, prev: head?.id,
                hlc: HLCTimestamp(milliseconds: now - 3_600_000 + Int64(index), counter: 0), ops: ops)
            let signed = changeSet.signed(with: key)
            heads[key.nodeID] = (seq, signed.id)
            sets.append(signed)
        }
        let source = try SyncBenchNode(folder: root.appendingPathComponent("wire-source"), realm: Fixtures.realm)
        try fill(source, with: sets, now: now)
        try source.start()
        defer { source.stop() }
        let receiver = try NodeStore(path: root.appendingPathComponent("wire-receiver.sqlite").path, realm: Fixtures.realm, logger: logger)
        let client = try PeerClient(url: source.url, configuration: transfer, logger: logger, signingKey: SyncBench.callerKey)
        let (summary, _) = try timedRound(receiver, client)
        guard summary.stored == sets.count else { throw SyncBenchError.incomplete("stored \(summary.stored) of \(sets.count): \(summary)") }
        let rawBytes = sets.reduce(0) { $0 + $1.body.count + $1.signature.count }
        let perOp = Double(summary.traffic.responseBytes) / Double(opsTotal)
        report.line("- bytes on the wire per field operation, gzip-compressed, for \(opsTotal) realistic operations (random record ids, varied Dutch text; \(sets.count) change sets of 10 ops, \(authors.count) authors; pull answers with headers): \(String(format: "%.1f", perOp)) B (signed bodies uncompressed: \(String(format: "%.1f", Double(rawBytes) / Double(opsTotal))) B; Yrs/pycrdt about 64 B; goal <= 96: \(perOp <= 96 ? "met" : "NOT met"))")
    }

    // MARK: 20,000 small change sets

    private static func smallInitialSync(_ report: BenchReport, root: URL, now: Int64) throws {
        let keys = (0..<20).map { _ in SigningKey() }
        var sets: [SignedChangeSet] = []
        var record = 0
        var opsTotal = 0
        for (index, key) in keys.enumerated() {
            var prev: ChangeSetID?
            for seq in 1...1_000 {
                let opCount = 1 + (seq + index) % 5
                let ops: [ChangeOperation] = (0..<opCount).map { op in
                    let field = Fixtures.fields[op]
                    return .set(SetOperation(record: RecordKey(type: "initiative", id: Fixtures.recordID(record)), field: field,
                        value: Fixtures.value(field: field, record: record, version: seq)))
                }
                record += 1
                opsTotal += opCount
                let changeSet = ChangeSet(realm: Fixtures.realm, author: key.nodeID, seq: Int64(seq), prev: prev,
                    hlc: HLCTimestamp(milliseconds: now - 100_000 + Int64(seq), counter: 0), ops: ops)
                let signed = changeSet.signed(with: key)
                prev = signed.id
                sets.append(signed)
            }
        }
        let sample = sets.prefix(5_000)
        let verifySeconds = measure {
            for item in sample { _ = item.changeSet.author.verify(signature: item.signature, over: item.body) }
        }
        let verifyRate = Double(sample.count) / verifySeconds
        report.line("- baseline: bare Ed25519 verification of these change sets, one core: \(rate(sample.count, verifySeconds))")

        let source = try SyncBenchNode(folder: root.appendingPathComponent("small-source"), realm: Fixtures.realm)
        try fill(source, with: sets, now: now)
        try source.start()
        defer { source.stop() }
        let receiver = try NodeStore(path: root.appendingPathComponent("small-receiver.sqlite").path, realm: Fixtures.realm, logger: logger)
        let client = try PeerClient(url: source.url, configuration: transfer, logger: logger, signingKey: SyncBench.callerKey)
        let (summary, seconds) = try timedRound(receiver, client)
        guard summary.stored == sets.count else { throw SyncBenchError.incomplete("stored \(summary.stored) of \(sets.count)") }
        let setsRate = Double(sets.count) / seconds
        let ratio = setsRate / verifyRate
        report.line("- initial sync of \(sets.count) change sets of 1-5 ops (\(keys.count) authors) to a fresh node: \(rate(sets.count, seconds)) in \(summary.pullRequests) requests; ratio to one core's verification rate \(String(format: "%.2f", ratio)) (goal >= 0.5: \(ratio >= 0.5 ? "met" : "NOT met"))")
        let perOp = Double(summary.traffic.responseBytes) / Double(opsTotal)
        let perSet = Double(summary.traffic.responseBytes) / Double(sets.count)
        report.line("- bytes on the wire for these small change sets, gzip-compressed: \(String(format: "%.0f", perSet)) B per change set, \(String(format: "%.1f", perOp)) B per field operation (each carries a 64-byte signature and a 32-byte hash that do not compress)")
    }

    // MARK: Peak memory of a receiving node

    private static func peakMemory(_ report: BenchReport, root: URL, now: Int64) throws {
        let key = SigningKey()
        let opsTotal = 1_000_000
        let source = try SyncBenchNode(folder: root.appendingPathComponent("huge-source"), realm: Fixtures.realm)
        var changeSetCount = 0
        do {
            let store = try source.openFixtureStore()
            var prev: ChangeSetID?
            var done = 0
            while done < opsTotal {
                // Generated and stored in slices, so the benchmark itself stays small too.
                var slice: [SignedChangeSet] = []
                for _ in 0..<50 where done < opsTotal {
                    var changeSet = Fixtures.changeSets(key: key, count: 1, opsPerSet: 500, startSeq: Int64(changeSetCount + 1), firstRecord: done / Fixtures.fields.count)[0]
                    changeSet.prev = prev
                    changeSet.hlc = HLCTimestamp(milliseconds: now - 3_600_000 + Int64(changeSetCount), counter: 0)
                    let signed = changeSet.signed(with: key)
                    prev = signed.id
                    slice.append(signed)
                    changeSetCount += 1
                    done += 500
                }
                let outcomes = try store.receive(slice, nowMilliseconds: now)
                guard outcomes.allSatisfy({ $0 == .stored }) else { throw SyncBenchError.incomplete("source not filled") }
            }
        }
        try source.start()
        defer { source.stop() }
        // The receiver checks certificates: the fixture's author is its network's root.
        let receiver = try SyncBenchNode(folder: root.appendingPathComponent("huge-receiver"), realm: Fixtures.realm, root: key.nodeID)
        let started = Date()
        try receiver.start(["--peer", source.url, "--sync-interval", "0.5"])
        defer { receiver.stop() }
        let client = try PeerClient(url: receiver.url, configuration: quick, logger: logger, signingKey: SyncBench.callerKey)
        var held: Int64 = 0
        var peak = 0
        let deadline = Date().addingTimeInterval(900)
        while held < Int64(changeSetCount), Date() < deadline {
            Thread.sleep(forTimeInterval: 0.2)
            peak = max(peak, receiver.peakResidentBytes() ?? 0)
            if let response = try? client.transport.sendOnce(.get("/v1/sync/vector")), response.isSuccess,
               let vector = try? JSONDecoder().decode(VectorAnswer.self, from: response.body) {
                held = vector.heads.values.reduce(0) { $0 + $1.seq }
            }
        }
        guard held == Int64(changeSetCount) else { throw SyncBenchError.incomplete("receiver holds \(held) of \(changeSetCount)") }
        let seconds = Date().timeIntervalSince(started)
        peak = max(peak, receiver.peakResidentBytes() ?? 0)
        let megabytes = Double(peak) / 1_048_576
        report.line("- peak memory (VmHWM) of a receiving `maex-node serve` while it pulls \(opsTotal) field operations (\(changeSetCount) change sets of 500 ops): \(String(format: "%.0f", megabytes)) MiB (goal < 200 MB: \(Double(peak) < 200_000_000 ? "met" : "NOT met")); \(rate(opsTotal, seconds)) including start-up")
    }

    /// The part of `GET /v1/sync/vector` the benchmark reads.
    private struct VectorAnswer: Decodable {
        struct Head: Decodable { let seq: Int64 }
        let heads: [String: Head]
    }

    // MARK: Helpers

    /// Writes signed change sets into a (stopped) node's store.
    private static func fill(_ node: SyncBenchNode, with sets: [SignedChangeSet], now: Int64) throws {
        let store = try node.openFixtureStore()
        for start in stride(from: 0, to: sets.count, by: 1000) {
            let outcomes = try store.receive(Array(sets[start..<min(start + 1000, sets.count)]), nowMilliseconds: now)
            guard outcomes.allSatisfy({ $0 == .stored }) else { throw SyncBenchError.incomplete("source not filled") }
        }
    }

    /// Runs one sync round from this process and times it.
    private static func timedRound(_ store: NodeStore, _ client: PeerClient) throws -> (summary: SyncSummary, seconds: Double) {
        let round = SyncRound(store: store, client: client, logger: logger)
        var summary: SyncSummary?
        let seconds = try measure { summary = try blocking { try await round.run() } }
        guard let summary else { throw SyncBenchError.incomplete("no summary") }
        return (summary, seconds)
    }

    /// Runs async work from the synchronous benchmark.
    private static func blocking<T: Sendable>(_ body: @escaping @Sendable () async throws -> T) throws -> T {
        let result = Mutex<Result<T, any Error>?>(nil)
        let done = DispatchSemaphore(value: 0)
        Task {
            do { let value = try await body(); result.withLock { $0 = .success(value) } } catch { result.withLock { $0 = .failure(error) } }
            done.signal()
        }
        done.wait()
        guard let outcome = result.withLock({ $0 }) else { throw SyncBenchError.incomplete("no result") }
        return try outcome.get()
    }
}

/// A small deterministic generator (SplitMix64) for benchmark data.
struct BenchRandom {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
