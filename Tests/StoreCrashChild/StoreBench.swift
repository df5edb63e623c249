import Foundation
import GRDB
import Logging
import MAEXCore
import MAEXStore

/// Measures the store's apply path: change sets of `ops` set operations (records of 20 fields),
/// first creating records, then updating every field (`pred` = the previous write), received
/// in batches of 10; and, as the baseline, a bare bulk insert of the same rows (one prepared
/// statement, one transaction, same durability settings). Run it from a release build.
enum StoreBench {
    static func run(directory: URL, changeSets: Int, opsPerChangeSet: Int) throws {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let key = try SigningKey(seed: [UInt8](repeating: 7, count: 32))
        let fieldsPerRecord = 20
        var seq: Int64 = 0
        var prev: ChangeSetID?
        var ms = StreamGenerator.startWall
        func make(_ ops: [ChangeOperation]) -> SignedChangeSet {
            seq += 1
            ms += 1
            let signed = ChangeSet(
                realm: StreamGenerator.realm, author: key.nodeID, seq: seq, prev: prev, hlc: HLCTimestamp(milliseconds: ms, counter: 0),
                ops: ops
            ).signed(with: key)
            prev = signed.id
            return signed
        }
        var creates: [SignedChangeSet] = []
        var updates: [SignedChangeSet] = []
        var record = 0
        for _ in 0..<changeSets {
            var ops: [ChangeOperation] = []
            for index in 0..<opsPerChangeSet {
                if index % fieldsPerRecord == 0 { record += 1 }
                let recordKey = RecordKey(type: "initiative", id: StreamGenerator.recordID(record))
                let field = "field_\(index % fieldsPerRecord)"
                ops.append(.set(SetOperation(record: recordKey, field: field, value: .string("value \(record) \(field) with some text"))))
            }
            creates.append(make(ops))
        }
        for signed in creates {
            let ops = signed.changeSet.ops.map { op -> ChangeOperation in
                guard case .set(let set) = op else { return op }
                return .set(SetOperation(record: set.record, field: set.field, value: .string("updated text"), pred: [signed.changeSet.ref]))
            }
            updates.append(make(ops))
        }
        let logger = Logger(label: "maex.bench", factory: { _ in SwiftLogNoOpLogHandler() })
        let path = directory.appendingPathComponent("bench-\(UUID().uuidString).sqlite").path
        let store = try NodeStore(path: path, realm: StreamGenerator.realm, logger: logger)
        let now = ms + 1_000_000
        let createRate = try measure(store, creates, now: now)
        let updateRate = try measure(store, updates, now: now)
        let baseline = try bareInsert(creates, directory: directory)
        let totalOps = Double(changeSets * opsPerChangeSet)
        print(String(format: "store create: %.0f ops/s, update: %.0f ops/s, bare insert: %.0f rows/s, ratio create %.2f update %.2f (%d change sets x %d ops)",
                     createRate, updateRate, baseline, createRate / baseline, updateRate / baseline, changeSets, opsPerChangeSet))
        print("digest \(try store.digest().prefix(16)) ops \(Int(totalOps))")
    }

    private static func measure(_ store: NodeStore, _ items: [SignedChangeSet], now: Int64) throws -> Double {
        let clock = ContinuousClock()
        var ops = 0
        let elapsed = try clock.measure {
            var start = 0
            while start < items.count {
                let batch = Array(items[start..<min(items.count, start + 10)])
                let outcomes = try store.receive(batch, nowMilliseconds: now)
                guard outcomes.allSatisfy({ $0 == .stored }) else { throw ChildError("bench batch not stored: \(outcomes)") }
                ops += batch.reduce(0) { $0 + $1.changeSet.ops.count }
                start += 10
            }
        }
        return Double(ops) / seconds(elapsed)
    }

    private static func bareInsert(_ items: [SignedChangeSet], directory: URL) throws -> Double {
        let pool = try DatabasePool(path: directory.appendingPathComponent("bare-\(UUID().uuidString).sqlite").path)
        try pool.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA synchronous = FULL") }
        try pool.write { db in
            try db.execute(sql: """
                CREATE TABLE bare (type TEXT NOT NULL, id TEXT NOT NULL, field TEXT NOT NULL, author INTEGER NOT NULL,
                    seq INTEGER NOT NULL, hlc_ms INTEGER NOT NULL, hlc_counter INTEGER NOT NULL, value TEXT NOT NULL)
                """)
        }
        let clock = ContinuousClock()
        var rows = 0
        let elapsed = try clock.measure {
            try pool.write { db in
                let statement = try db.makeStatement(sql: "INSERT INTO bare VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
                for signed in items {
                    for case .set(let set) in signed.changeSet.ops {
                        try statement.execute(arguments: [
                            set.record.type, set.record.id, set.field, 1, signed.changeSet.seq,
                            signed.changeSet.hlc.milliseconds, signed.changeSet.hlc.counter, set.value.canonicalString,
                        ])
                        rows += 1
                    }
                }
            }
        }
        return Double(rows) / seconds(elapsed)
    }

    private static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }
}
