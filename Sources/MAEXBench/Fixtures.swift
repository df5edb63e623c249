import Foundation
import MAEXCore

/// Deterministic benchmark data.
enum Fixtures {
    static let realm = "maex-bench"
    static let fields = ["name", "description", "phase", "volunteers", "website", "themes", "sdgs", "people_reached"]

    /// A lowercase UUID derived from a number.
    static func recordID(_ n: Int) -> String {
        let hex = String(format: "%032x", n)
        let chars = Array(hex)
        return "\(String(chars[0..<8]))-\(String(chars[8..<12]))-4\(String(chars[13..<16]))-8\(String(chars[17..<20]))-\(String(chars[20..<32]))"
    }

    /// A value for a field of a record.
    static func value(field: String, record: Int, version: Int) -> JSONValue {
        switch field {
        case "volunteers", "people_reached": .int(Int64(record % 500 + version))
        case "sdgs": .array([.int(Int64(record % 17 + 1)), .int(17)])
        case "themes": .array([.string("zorg"), .string("energie")])
        case "phase": .string("groei")
        case "website": .string("https://initiatief-\(record).example.nl")
        case "description": .string("Bewoners van wijk \(record % 40) werken samen aan een groene, sociale buurt. Versie \(version).")
        default: .string("Initiatief \(record) v\(version)")
        }
    }

    /// `count` change sets of one author with `opsPerSet` set operations each (new records).
    static func changeSets(key: SigningKey, count: Int, opsPerSet: Int, startSeq: Int64 = 1, firstRecord: Int = 0) -> [ChangeSet] {
        var result: [ChangeSet] = []
        var prev: ChangeSetID?
        var opIndex = firstRecord * fields.count
        for index in 0..<count {
            var ops: [ChangeOperation] = []
            for _ in 0..<opsPerSet {
                let record = opIndex / fields.count
                let field = fields[opIndex % fields.count]
                ops.append(.set(SetOperation(record: RecordKey(type: "initiative", id: recordID(record)), field: field,
                    value: value(field: field, record: record, version: 1))))
                opIndex += 1
            }
            let changeSet = ChangeSet(realm: realm, author: key.nodeID, seq: startSeq + Int64(index), prev: prev,
                hlc: HLCTimestamp(milliseconds: 1_764_000_000_000 + Int64(index), counter: 0), ops: ops)
            prev = ChangeSetID(hashing: changeSet.canonicalBytes)
            result.append(changeSet)
        }
        return result
    }

    /// Change sets of 100 to 500 operations adding up to `totalOps`, one author, clocks from
    /// `startMilliseconds` on.
    static func largeChangeSets(key: SigningKey, totalOps: Int, startMilliseconds: Int64) -> [ChangeSet] {
        var result: [ChangeSet] = []
        var done = 0
        var prev: ChangeSetID?
        while done < totalOps {
            let size = min(100 + (result.count * 37) % 401, totalOps - done)
            var changeSet = changeSets(key: key, count: 1, opsPerSet: size, startSeq: Int64(result.count + 1), firstRecord: done / fields.count)[0]
            changeSet.prev = prev
            changeSet.hlc = HLCTimestamp(milliseconds: startMilliseconds + Int64(result.count), counter: 0)
            prev = ChangeSetID(hashing: changeSet.canonicalBytes)
            result.append(changeSet)
            done += size
        }
        return result
    }
}
