import MAEXCore
import MAEXTestSupport

/// A deterministic stream of signed change sets from a few authors, derived from a seed alone:
/// keys, edits, clocks and the delivery order. Authors write from their own views (so `pred`
/// and `deps` are real and edits are concurrent) and the delivery order is causal order
/// shuffled within small windows, so the receiving store holds some change sets pending.
struct StreamGenerator {
    static let realm = "maex-crash-test"
    static let startWall: Int64 = 1_767_225_600_000
    static let fields = ["name", "description", "municipality", "phase", "volunteers", "website"]

    private var rng: SeededGenerator
    private let keys: [SigningKey]

    init(seed: UInt64, authorCount: Int = 4) throws {
        rng = SeededGenerator(seed: seed)
        var keys: [SigningKey] = []
        for _ in 0..<authorCount {
            var bytes: [UInt8] = []
            for _ in 0..<4 { withUnsafeBytes(of: rng.next().littleEndian) { bytes += $0 } }
            keys.append(try SigningKey(seed: bytes))
        }
        self.keys = keys
    }

    /// `count` change sets in delivery order.
    mutating func make(count: Int) -> [SignedChangeSet] {
        var views = keys.map { _ in MemoryReplica(realm: Self.realm) }
        var clocks = keys.map { _ in HybridLogicalClock() }
        var written: [SignedChangeSet] = []
        var wall = Self.startWall
        var created: [RecordKey] = []
        while written.count < count {
            wall += Int64(rng.next() % 500)
            let index = Int(rng.next() % UInt64(keys.count))
            if rng.next() % 4 == 0 {
                let from = Int(rng.next() % UInt64(keys.count))
                for signed in views[from].missing(for: views[index].vector) {
                    clocks[index].observeUnchecked(signed.changeSet.hlc)
                    views[index].receive(signed, nowMilliseconds: wall)
                }
                continue
            }
            let author = keys[index].nodeID
            let ops = makeOps(view: views[index], created: &created)
            var deps = views[index].vector
            deps[author] = nil
            let changeSet = ChangeSet(
                realm: Self.realm, author: author, seq: (views[index].vector[author] ?? 0) + 1,
                prev: views[index].head(of: author)?.id, hlc: clocks[index].tick(wallMilliseconds: wall), deps: deps, ops: ops)
            let signed = changeSet.signed(with: keys[index])
            views[index].receive(signed, nowMilliseconds: wall)
            written.append(signed)
        }
        return shuffledInWindows(written, window: 8)
    }

    /// The greatest wall clock the stream's clocks can reach, plus a margin: a `now` that
    /// accepts every change set.
    static func receiveNow(count: Int) -> Int64 { startWall + Int64(count) * 1_000 + 3_600_000 }

    private mutating func makeOps(view: MemoryReplica, created: inout [RecordKey]) -> [ChangeOperation] {
        var ops: [ChangeOperation] = []
        var written = Set<FieldKey>()
        for _ in 0..<(1 + Int(rng.next() % 6)) {
            // Mostly edit one of the recent records the author's view holds, else create one.
            let recent = created.suffix(200)
            var record: RecordKey?
            if !recent.isEmpty, rng.next() % 5 != 0 {
                let candidate = recent[recent.startIndex + Int(rng.next() % UInt64(recent.count))]
                if view.register.records[candidate] != nil { record = candidate }
            }
            if let known = record, rng.next() % 30 == 0 {
                ops.append(.delete(known))
                continue
            }
            let key = record ?? {
                let key = RecordKey(type: "initiative", id: Self.recordID(created.count + 1))
                created.append(key)
                return key
            }()
            let field = Self.fields[Int(rng.next() % UInt64(Self.fields.count))]
            guard written.insert(FieldKey(record: key, field: field)).inserted else { continue }
            let value: JSONValue =
                switch field {
                case "municipality": .string(["GM0718", "GM0716", "GM0687"][Int(rng.next() % 3)])
                case "volunteers": .int(Int64(rng.next() % 1_000))
                default: .string("\(field) \(rng.next() % 100_000)")
                }
            let pred = view.register.records[key]?.fields[field]?.writes.map(\.ref) ?? []
            ops.append(.set(SetOperation(record: key, field: field, value: value, pred: pred)))
        }
        if ops.isEmpty {
            let key = RecordKey(type: "initiative", id: Self.recordID(created.count + 1))
            created.append(key)
            ops.append(.set(SetOperation(record: key, field: "name", value: .string("new"))))
        }
        return ops
    }

    private mutating func shuffledInWindows(_ items: [SignedChangeSet], window: Int) -> [SignedChangeSet] {
        var result = items
        var start = 0
        while start < result.count {
            let end = min(result.count, start + window)
            for index in stride(from: end - 1, to: start, by: -1) {
                let other = start + Int(rng.next() % UInt64(index - start + 1))
                result.swapAt(index, other)
            }
            start = end
        }
        return result
    }

    /// A lowercase UUID derived from a number.
    static func recordID(_ number: Int) -> String {
        let hex = String(UInt64(number) &* 0x9E37_79B9_7F4A_7C15, radix: 16)
        let chars = Array(String(repeating: "0", count: 32 - hex.count) + hex)
        return "\(String(chars[0..<8]))-\(String(chars[8..<12]))-\(String(chars[12..<16]))-\(String(chars[16..<20]))-\(String(chars[20..<32]))"
    }
}

extension HybridLogicalClock {
    /// Observes a clock from the deterministic stream (never far in the future by construction).
    mutating func observeUnchecked(_ remote: HLCTimestamp) {
        _ = try? observe(remote, wallMilliseconds: remote.milliseconds)
    }
}
