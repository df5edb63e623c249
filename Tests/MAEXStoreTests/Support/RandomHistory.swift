import MAEXCore
import MAEXTestSupport

/// Random multi-author histories with real causality and concurrency: each author writes from
/// its own view (`pred` = the field's current writes there, `deps` = everything it holds from
/// others) and authors exchange random parts of their views now and then.
struct RandomHistory {
    /// Every change set written, in writing order (a causal order).
    var changeSets: [SignedChangeSet]
    /// A wall clock after every change set.
    var endWall: Int64

    static let fields = ["name", "description", "municipality", "phase", "volunteers"]
    static let municipalities = ["GM0718", "GM0716", "GM0687"]

    /// A history of about `steps` steps from `authorCount` authors.
    static func make(seed: UInt64, authorCount: Int, steps: Int, rng: inout SeededGenerator) -> RandomHistory {
        let keys = (0..<authorCount).map { TestKeys.key(UInt8(10 + $0)) }
        var views = keys.map { _ in MemoryReplica(realm: TestKeys.realm) }
        var clocks = keys.map { _ in HybridLogicalClock() }
        var changeSets: [SignedChangeSet] = []
        var wall = TestKeys.wall
        var nextRecord = Int(seed % 10_000) * 1_000
        for _ in 0..<steps {
            wall += Int64.random(in: 0...2_000, using: &rng)
            let index = Int.random(in: 0..<authorCount, using: &rng)
            if !changeSets.isEmpty, rng.chance(0.35) {
                // Receive part of what another author holds, in a random order.
                let from = Int.random(in: 0..<authorCount, using: &rng)
                for signed in views[from].missing(for: views[index].vector).shuffled(using: &rng) where rng.chance(0.7) {
                    if (try? clocks[index].observe(signed.changeSet.hlc, wallMilliseconds: wall)) != nil {
                        views[index].receive(signed, nowMilliseconds: wall)
                    }
                }
                continue
            }
            let ops = randomOps(view: views[index], rng: &rng, nextRecord: &nextRecord)
            var deps = views[index].vector
            deps[keys[index].nodeID] = nil
            let changeSet = ChangeSet(
                realm: TestKeys.realm, author: keys[index].nodeID, seq: (views[index].vector[keys[index].nodeID] ?? 0) + 1,
                prev: views[index].head(of: keys[index].nodeID)?.id, hlc: clocks[index].tick(wallMilliseconds: wall),
                deps: deps, ops: ops)
            let signed = changeSet.signed(with: keys[index])
            views[index].receive(signed, nowMilliseconds: wall)
            changeSets.append(signed)
        }
        return RandomHistory(changeSets: changeSets, endWall: wall)
    }

    private static func randomOps(view: MemoryReplica, rng: inout SeededGenerator, nextRecord: inout Int) -> [ChangeOperation] {
        var ops: [ChangeOperation] = []
        var written = Set<FieldKey>()
        let known = view.register.records.keys.sorted()
        for _ in 0..<Int.random(in: 1...6, using: &rng) {
            let record: RecordKey
            if known.isEmpty || rng.chance(0.25) {
                nextRecord += 1
                record = TestKeys.initiative(nextRecord)
            } else {
                record = rng.pick(known)
            }
            if !known.isEmpty, rng.chance(0.06) {
                ops.append(.delete(rng.pick(known)))
                continue
            }
            let field = rng.pick(fields)
            guard written.insert(FieldKey(record: record, field: field)).inserted else { continue }
            let value: JSONValue =
                switch field {
                case "municipality": .string(rng.pick(municipalities))
                case "volunteers": .int(Int64.random(in: 0...500, using: &rng))
                default: .string("\(field) \(Int.random(in: 0...9_999, using: &rng))")
                }
            let pred = view.register.records[record]?.fields[field]?.writes.map(\.ref) ?? []
            ops.append(.set(SetOperation(record: record, field: field, value: value, pred: pred)))
        }
        return ops
    }
}
