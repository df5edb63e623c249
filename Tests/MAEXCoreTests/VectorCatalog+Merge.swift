import MAEXCore

extension VectorCatalog {
    /// A merge scenario: change sets by author key, in the listed order.
    struct MergeScenario {
        var name: String
        var description: String
        var changeSets: [(signed: SignedChangeSet, key: Int)]
        /// Whether an author forks: then only the full receive rules (not the bare register)
        /// give the expected state.
        var forks = false
    }

    /// Merge scenarios: the state after applying every change set, whatever the order.
    static func merge() throws -> JSONValue {
        let scenarios = try mergeScenarios()
        return document(
            "Merge scenarios. Apply 'changesets' (each signed by key 'key') in the listed order, or in any other order "
                + "through the receive rules (pending until predecessor and deps are held), or directly to the register "
                + "in any causally valid order ('causal_orders' counts them): the result is always 'expected': the "
                + "digest lines (one canonical JSON text per record, in type then id byte order; the digest is SHA-256 "
                + "of the lines, each followed by a newline byte), the digest, and the fields with conflicts (winner and "
                + "losers as [author, seq]). 'forks' maps a forking author to the first retracted sequence. The receiving "
                + "node's wall clock is 'now_ms'.",
            ["realm": .string(VectorKeys.realm), "now_ms": .int(VectorKeys.nowMilliseconds)],
            cases: scenarios.map(mergeCase))
    }

    static func mergeCase(_ scenario: MergeScenario) -> JSONValue {
        var replica = MemoryReplica(realm: VectorKeys.realm)
        for item in scenario.changeSets { replica.receive(item.signed, nowMilliseconds: VectorKeys.nowMilliseconds) }
        var members: [String: JSONValue] = [
            "name": .string(scenario.name),
            "description": .string(scenario.description),
            "changesets": .array(scenario.changeSets.map { VectorDescription.signed($0.signed, key: $0.key) }),
            "expected": VectorDescription.state(replica.register),
            "forks": VectorDescription.vector(replica.forkedFrom),
        ]
        if !scenario.forks {
            members["causal_orders"] = .int(Int64(VectorOrders.causalOrders(scenario.changeSets.map(\.signed.changeSet)).count))
        }
        return .object(members)
    }

    static func mergeScenarios() throws -> [MergeScenario] {
        try [concurrentWrites(), sameClock(), supersedeViaPred(), deleteScenario()] + threeAuthors() + [newerVersion(), fork()]
    }

    static func concurrentWrites() -> MergeScenario {
        var a = VectorChain(key: 0)
        var b = VectorChain(key: 1)
        let a1 = a.next(
            VectorKeys.hlc(1000),
            ops: [VectorKeys.set(1, "name", .string("Repair Café Vlissingen")), VectorKeys.set(1, "municipality", .string("GM0718"))])
        let b1 = b.next(
            VectorKeys.hlc(2000), deps: [0: 1],
            ops: [VectorKeys.set(1, "name", .string("Repair Café Vlissingen-Oost"), pred: [VectorKeys.ref(0, 1)])])
        let a2 = a.next(
            VectorKeys.hlc(3000),
            ops: [VectorKeys.set(1, "name", .string("Stichting Repair Café Vlissingen"), pred: [VectorKeys.ref(0, 1)])])
        return MergeScenario(
            name: "concurrent-writes-one-field",
            description: "Key 0 creates a record; key 1 and key 0 then both rename it, each superseding the first name only. "
                + "Both writes survive: the later clock (key 0's, +3000 ms) wins, key 1's is kept as a conflict.",
            changeSets: [(a1, 0), (b1, 1), (a2, 0)])
    }

    static func sameClock() -> MergeScenario {
        var a = VectorChain(key: 0)
        var b = VectorChain(key: 1)
        let a1 = a.next(
            VectorKeys.hlc(1000),
            ops: [VectorKeys.set(2, "name", .string("Voedselbank Goes")), VectorKeys.set(2, "municipality", .string("GM0664"))])
        let a2 = a.next(VectorKeys.hlc(5000), ops: [VectorKeys.set(2, "volunteers", .int(40))])
        let b1 = b.next(VectorKeys.hlc(5000), deps: [0: 1], ops: [VectorKeys.set(2, "volunteers", .int(45))])
        return MergeScenario(
            name: "concurrent-writes-same-clock",
            description: "Two first writes of one field with the same clock reading: the greater author id (bytes) wins.",
            changeSets: [(a1, 0), (a2, 0), (b1, 1)])
    }

    static func supersedeViaPred() -> MergeScenario {
        var a = VectorChain(key: 0)
        var b = VectorChain(key: 1)
        let a1 = a.next(
            VectorKeys.hlc(10000),
            ops: [VectorKeys.set(3, "name", .string("Buurttuin De Kaai")), VectorKeys.set(3, "municipality", .string("GM0718"))])
        let b1 = b.next(
            VectorKeys.hlc(4000), deps: [0: 1], ops: [VectorKeys.set(3, "name", .string("Buurttuin de Kaai"), pred: [VectorKeys.ref(0, 1)])]
        )
        let a2 = a.next(VectorKeys.hlc(12000), ops: [VectorKeys.set(3, "description", .string("Moestuin voor de buurt."))])
        return MergeScenario(
            name: "write-supersedes-via-pred",
            description: "Key 1 renames the record naming key 0's write in pred. Its clock is behind (+4000 < +10000), yet it "
                + "supersedes: pred decides, not the clock. Key 0's concurrent write of another field does not conflict.",
            changeSets: [(a1, 0), (b1, 1), (a2, 0)])
    }

    static func deleteScenario() -> MergeScenario {
        var a = VectorChain(key: 0)
        var b = VectorChain(key: 1)
        var c = VectorChain(key: 2)
        let a1 = a.next(
            VectorKeys.hlc(1000),
            ops: [VectorKeys.set(4, "name", .string("Dorpshuis Sint-Annaland")), VectorKeys.set(4, "municipality", .string("GM0716"))])
        let b1 = b.next(VectorKeys.hlc(2000), deps: [0: 1], ops: [VectorKeys.set(4, "description", .string("Ontmoetingsplek."))])
        let a2 = a.next(VectorKeys.hlc(3000), ops: [VectorKeys.delete(4)])
        let c1 = c.next(VectorKeys.hlc(2500), deps: [0: 1], ops: [VectorKeys.delete(4)])
        let a3 = a.next(
            VectorKeys.hlc(4000),
            ops: [
                VectorKeys.set(4, "name", .string("Dorpshuis Sint-Annaland (opnieuw)")),
                VectorKeys.set(5, "name", .string("Dorpshuis Sint-Annaland")), VectorKeys.set(5, "municipality", .string("GM0716")),
            ])
        let b2 = b.next(
            VectorKeys.hlc(5000), deps: [0: 2], ops: [VectorKeys.set(4, "description", .string("Gesloten."), pred: [VectorKeys.ref(1, 1)])])
        return MergeScenario(
            name: "create-delete-recreate-edit",
            description: "Key 0 creates record 4; key 1 edits it concurrently with two deletes (key 0 at +3000, key 2 at +2500): "
                + "the record is deleted and the earliest delete (key 2's) is its tombstone. Key 0 then tries to write record 4 "
                + "again (ignored: ids are never reused) and creates record 5 instead; key 1's later edit of record 4 is ignored.",
            changeSets: [(a1, 0), (b1, 1), (a2, 0), (c1, 2), (a3, 0), (b2, 1)])
    }

    static func threeAuthors() -> [MergeScenario] {
        var a = VectorChain(key: 0)
        var b = VectorChain(key: 1)
        var c = VectorChain(key: 2)
        let a1 = a.next(
            VectorKeys.hlc(1000),
            ops: [
                VectorKeys.set(6, "name", .string("Energiecoöperatie Tholen")), VectorKeys.set(6, "municipality", .string("GM0716")),
                VectorKeys.set(6, "sdgs", .array([.int(7), .int(13)])),
            ])
        let b1 = b.next(
            VectorKeys.hlc(2000), deps: [0: 1],
            ops: [
                VectorKeys.set(6, "name", .string("Energie Coöperatie Tholen"), pred: [VectorKeys.ref(0, 1)]),
                VectorKeys.set(6, "phase", .string("start")),
            ])
        let c1 = c.next(
            VectorKeys.hlc(2500), deps: [0: 1],
            ops: [
                VectorKeys.set(6, "name", .string("Tholen Energie"), pred: [VectorKeys.ref(0, 1)]),
                VectorKeys.set(6, "phase", .string("groei")),
                VectorKeys.set(6, "sdgs", .array([.int(7), .int(11), .int(13)]), pred: [VectorKeys.ref(0, 1)]),
            ])
        let a2 = a.next(
            VectorKeys.hlc(3000), ops: [VectorKeys.set(6, "name", .string("Energiecoöperatie Tholen U.A."), pred: [VectorKeys.ref(0, 1)])])
        let c2 = c.next(
            VectorKeys.hlc(4000), deps: [0: 2, 1: 1],
            ops: [
                VectorKeys.set(
                    6, "name", .string("Energiecoöperatie Tholen U.A."),
                    pred: [VectorKeys.ref(0, 2), VectorKeys.ref(1, 1), VectorKeys.ref(2, 1)])
            ])
        let concurrent: [(SignedChangeSet, Int)] = [(a1, 0), (b1, 1), (c1, 2), (a2, 0)]
        return [
            MergeScenario(
                name: "three-authors-concurrent",
                description: "Three authors rename the record concurrently, each superseding the first name: three surviving "
                    + "writes, key 0's (+3000) wins, two losers. Keys 1 and 2 both write 'phase' first: a conflict too.",
                changeSets: concurrent),
            MergeScenario(
                name: "three-authors-conflict-resolved",
                description: "As three-authors-concurrent, then key 2, having seen all three names, writes the name naming all "
                    + "three in pred: the name conflict is resolved; the phase conflict remains.",
                changeSets: concurrent + [(c2, 2)]),
        ]
    }

    static func newerVersion() throws -> MergeScenario {
        var a = VectorChain(key: 0)
        var b = VectorChain(key: 1)
        let a1 = a.next(
            VectorKeys.hlc(1000),
            ops: [VectorKeys.set(7, "name", .string("Kledingbank Terneuzen")), VectorKeys.set(7, "municipality", .string("GM0715"))])
        let b1 = try b.nextEdited(VectorKeys.hlc(2000), deps: [0: 1], ops: [VectorKeys.set(7, "phase", .string("groei"))]) { members in
            members["v"] = .int(2)
            members["trust"] = .object(["note": .string("schema version 2")])
            var ops = members["ops"]?.arrayValue ?? []
            ops.append(
                .object([
                    "op": .string("move"), "type": .string("initiative"), "id": .string(VectorKeys.recordID(7)), "to": .string("GM0718"),
                ]))
            members["ops"] = .array(ops)
        }
        let a2 = a.next(VectorKeys.hlc(2500), ops: [VectorKeys.set(7, "phase", .string("start"))])
        return MergeScenario(
            name: "newer-version-applies-what-it-understands",
            description: "A version-2 change set with an unknown key and an unknown operation: its set is applied, the unknown "
                + "operation is ignored (and the bytes are kept as they are). Its phase write conflicts with key 0's concurrent one.",
            changeSets: [(a1, 0), (b1, 1), (a2, 0)])
    }

    static func fork() -> MergeScenario {
        var a = VectorChain(key: 0)
        var b = VectorChain(key: 1)
        let a1 = a.next(
            VectorKeys.hlc(1000),
            ops: [VectorKeys.set(8, "name", .string("Speeltuin Zierikzee")), VectorKeys.set(8, "municipality", .string("GM1676"))])
        let forkPoint = (seq: a.seq, prev: a.prev)
        let a2 = a.next(VectorKeys.hlc(2000), ops: [VectorKeys.set(8, "name", .string("Variant A"), pred: [VectorKeys.ref(0, 1)])])
        let a3 = a.next(VectorKeys.hlc(3000), ops: [VectorKeys.set(8, "phase", .string("start"))])
        a.rewind(to: forkPoint.seq, prev: forkPoint.prev)
        let a2b = a.next(VectorKeys.hlc(2000), ops: [VectorKeys.set(8, "name", .string("Variant B"), pred: [VectorKeys.ref(0, 1)])])
        let b1 = b.next(VectorKeys.hlc(2500), deps: [0: 1], ops: [VectorKeys.set(8, "description", .string("Voor kinderen tot 12 jaar."))])
        var c = VectorChain(key: 2)
        let c1 = c.next(
            VectorKeys.hlc(3500), deps: [0: 3], ops: [VectorKeys.set(8, "phase", .string("groei"), pred: [VectorKeys.ref(0, 3)])])
        return MergeScenario(
            name: "fork-retracts-from-fork-sequence",
            description: "Key 0 signs two different change sets at sequence 2 (a fork) and a sequence 3 after the first. Every "
                + "node that holds both keeps them as evidence and retracts key 0's change sets from sequence 2 on: only "
                + "key 0's sequence 1 and the others' change sets count. Key 2 built on key 0's (retracted) sequence 3: a "
                + "requirement on a retracted change set counts as met, so key 2's write applies whichever branch a node holds.",
            changeSets: [(a1, 0), (a2, 0), (a3, 0), (a2b, 0), (b1, 1), (c1, 2)],
            forks: true)
    }
}
