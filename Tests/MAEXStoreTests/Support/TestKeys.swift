import MAEXCore

/// Deterministic keys, record ids and clocks for the store tests.
enum TestKeys {
    /// The realm of every test store.
    static let realm = "maex-store-test"
    /// A wall clock around which the tests write (2026-01-01).
    static let wall: Int64 = 1_767_225_600_000

    /// The key with seed `[n, n, ..., n]`.
    static func key(_ n: UInt8) -> SigningKey {
        do {
            return try SigningKey(seed: [UInt8](repeating: n, count: 32))
        } catch {
            preconditionFailure("a 32-byte seed is always accepted: \(error)")
        }
    }

    /// A lowercase UUID derived from a number.
    static func recordID(_ number: Int) -> String {
        let hex = String(UInt64(number) &* 0x9E37_79B9_7F4A_7C15, radix: 16)
        let chars = Array(String(repeating: "0", count: 32 - hex.count) + hex)
        return "\(String(chars[0..<8]))-\(String(chars[8..<12]))-\(String(chars[12..<16]))-\(String(chars[16..<20]))-\(String(chars[20..<32]))"
    }

    /// An initiative record key derived from a number.
    static func initiative(_ number: Int) -> RecordKey {
        RecordKey(type: "initiative", id: recordID(number))
    }
}

/// Builds signed change sets by hand, chaining `seq`, `prev` and a rising clock, so a test can
/// also build wrong ones (bad prev, stale clock, forks).
struct ChainBuilder {
    let key: SigningKey
    private(set) var seq: Int64 = 0
    private(set) var prev: ChangeSetID?
    private(set) var ms: Int64

    init(_ key: SigningKey, startMilliseconds: Int64 = TestKeys.wall) {
        self.key = key
        ms = startMilliseconds
    }

    var author: NodeID { key.nodeID }

    /// The next change set of the chain, advancing the chain.
    mutating func next(_ ops: [ChangeOperation], deps: [NodeID: Int64] = [:], hlc: HLCTimestamp? = nil) -> SignedChangeSet {
        let signed = peek(ops, deps: deps, hlc: hlc)
        seq += 1
        prev = signed.id
        ms = max(ms + 1_000, signed.changeSet.hlc.milliseconds)
        return signed
    }

    /// What `next` would return, without advancing (to build a fork or a bad successor).
    func peek(_ ops: [ChangeOperation], deps: [NodeID: Int64] = [:], hlc: HLCTimestamp? = nil, prev overridePrev: ChangeSetID?? = nil) -> SignedChangeSet {
        let changeSet = ChangeSet(
            realm: TestKeys.realm, author: key.nodeID, seq: seq + 1, prev: overridePrev ?? prev,
            hlc: hlc ?? HLCTimestamp(milliseconds: ms + 1_000, counter: 0), deps: deps, ops: ops)
        return changeSet.signed(with: key)
    }
}

extension ChangeOperation {
    /// A set of `field` of `record` to a string.
    static func set(_ record: RecordKey, _ field: String, _ value: String, pred: [ChangeRef] = []) -> ChangeOperation {
        .set(SetOperation(record: record, field: field, value: .string(value), pred: pred))
    }
}
