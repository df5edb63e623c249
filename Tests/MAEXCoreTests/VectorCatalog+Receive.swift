import MAEXCore

extension VectorCatalog {
    /// A receive scenario: change sets, then deliveries to one node with the outcome of each.
    struct ReceiveScenario {
        var name: String
        var description: String
        var changeSets: [(signed: SignedChangeSet, key: Int)]
        /// Deliveries: the change set's index and the node's wall clock.
        var steps: [(index: Int, now: Int64)]
    }

    /// The receive rules, step by step.
    static func receive() throws -> JSONValue {
        let scenarios = try receiveScenarios()
        return document(
            "Receive rules. Deliver 'changesets[step.deliver]' to one node of realm 'realm' whose wall clock reads "
                + "'step.now_ms'; its answer is 'step.expect': stored, duplicate, pending (with the missing [author, seq] "
                + "references), rejected, or fork (with the id held at that sequence). A change set that becomes "
                + "applicable later (its predecessor and deps arrived) is applied then. 'final' is the node's state "
                + "after the last step: its version vector, the forks, and the register.",
            ["realm": .string(VectorKeys.realm)],
            cases: scenarios.map(receiveCase))
    }

    static func receiveCase(_ scenario: ReceiveScenario) -> JSONValue {
        var replica = MemoryReplica(realm: VectorKeys.realm)
        let steps = scenario.steps.map { step -> JSONValue in
            let outcome = replica.receive(scenario.changeSets[step.index].signed, nowMilliseconds: step.now)
            // Reasons are free text (not part of the protocol), so only the outcome is recorded.
            return .object(["deliver": .int(Int64(step.index)), "now_ms": .int(step.now), "expect": VectorDescription.outcome(outcome)])
        }
        return .object([
            "name": .string(scenario.name),
            "description": .string(scenario.description),
            "changesets": .array(scenario.changeSets.map { VectorDescription.signed($0.signed, key: $0.key) }),
            "steps": .array(steps),
            "final": .object([
                "vector": VectorDescription.vector(replica.vector),
                "forks": VectorDescription.vector(replica.forkedFrom),
                "state": VectorDescription.state(replica.register),
            ]),
        ])
    }

    static func receiveScenarios() throws -> [ReceiveScenario] {
        let now = VectorKeys.nowMilliseconds
        let name = { (text: String) in [VectorKeys.set(9, "name", .string(text)), VectorKeys.set(9, "municipality", .string("GM0718"))] }
        var scenarios: [ReceiveScenario] = []

        var a = VectorChain(key: 0)
        let a1 = a.next(VectorKeys.hlc(1000, 5), ops: name("Wijkteam Lammerenburg"))
        let a2 = a.next(VectorKeys.hlc(2000), ops: [VectorKeys.set(9, "phase", .string("start"))])
        let a3 = a.next(VectorKeys.hlc(3000), ops: [VectorKeys.set(9, "phase", .string("groei"))])
        scenarios.append(
            ReceiveScenario(
                name: "in-order-then-duplicates", description: "Sequences 1 and 2 in order, then each again: duplicates change nothing.",
                changeSets: [(a1, 0), (a2, 0)], steps: [(0, now), (1, now), (0, now), (1, now)]))
        scenarios.append(
            ReceiveScenario(
                name: "gap-held-pending",
                description: "Sequence 3 first: pending on sequence 1 (the next one the node lacks); after 1, pending on 2; after 2 "
                    + "the held sequence 3 is applied too.",
                changeSets: [(a1, 0), (a2, 0), (a3, 0)], steps: [(2, now), (0, now), (1, now)]))

        var b = VectorChain(key: 1)
        let b1 = b.next(
            VectorKeys.hlc(4000), deps: [0: 2], ops: [VectorKeys.set(9, "phase", .string("volwassen"), pred: [VectorKeys.ref(0, 2)])])
        scenarios.append(
            ReceiveScenario(
                name: "deps-held-pending",
                description: "Key 1's change set depends on key 0's sequence 2: pending until it is held, then applied.",
                changeSets: [(a1, 0), (a2, 0), (b1, 1)], steps: [(2, now), (0, now), (1, now)]))

        var wrongPrev = VectorChain(key: 0)
        _ = wrongPrev.next(VectorKeys.hlc(1000, 5), ops: name("Wijkteam Lammerenburg"))
        wrongPrev.rewind(to: 1, prev: ChangeSetID(hashing: Array("not the previous change set".utf8)))
        let a2WrongPrev = wrongPrev.next(VectorKeys.hlc(2000), ops: [VectorKeys.set(9, "phase", .string("start"))])
        scenarios.append(
            ReceiveScenario(
                name: "prev-mismatch-rejected",
                description: "Sequence 2 whose prev is not the id of the held sequence 1: rejected; the right sequence 2 is stored after.",
                changeSets: [(a1, 0), (a2WrongPrev, 0), (a2, 0)], steps: [(0, now), (1, now), (2, now)]))

        var clock = VectorChain(key: 0)
        _ = clock.next(VectorKeys.hlc(1000, 5), ops: name("Wijkteam Lammerenburg"))
        let sameClock = clock.next(VectorKeys.hlc(1000, 5), ops: [VectorKeys.set(9, "phase", .string("start"))])
        clock.rewind(to: 1, prev: a1.id)
        let earlier = clock.next(VectorKeys.hlc(900), ops: [VectorKeys.set(9, "phase", .string("start"))])
        clock.rewind(to: 1, prev: a1.id)
        let nextCounter = clock.next(VectorKeys.hlc(1000, 6), ops: [VectorKeys.set(9, "phase", .string("start"))])
        scenarios.append(
            ReceiveScenario(
                name: "clock-must-advance",
                description: "An author's clock must strictly advance: sequence 2 with the same reading as sequence 1, or an earlier "
                    + "one, is rejected; one with the next counter is stored.",
                changeSets: [(a1, 0), (sameClock, 0), (earlier, 0), (nextCounter, 0)], steps: [(0, now), (1, now), (2, now), (3, now)]))

        let drift = HybridLogicalClock.defaultMaxDriftMilliseconds
        var future = VectorChain(key: 2)
        let tooFar = future.next(HLCTimestamp(milliseconds: now + drift + 1, counter: 0), ops: name("Toekomstmuziek"))
        var edge = VectorChain(key: 3)
        let atLimit = edge.next(
            HLCTimestamp(milliseconds: now + drift, counter: 0), ops: [VectorKeys.set(10, "name", .string("Net op tijd"))])
        scenarios.append(
            ReceiveScenario(
                name: "future-clock-refused-for-now",
                description: "A clock 5 minutes and 1 ms ahead of the node's wall clock is refused; the same bytes offered again 1 ms "
                    + "later are stored (the refusal is not final). Exactly 5 minutes ahead is accepted.",
                changeSets: [(tooFar, 2), (atLimit, 3)], steps: [(0, now), (1, now), (0, now + 1)]))

        var f = VectorChain(key: 0)
        let f1 = f.next(VectorKeys.hlc(1000), ops: name("Wijkteam Lammerenburg"))
        let f2 = f.next(VectorKeys.hlc(2000), ops: [VectorKeys.set(9, "phase", .string("start"))])
        let f3 = f.next(VectorKeys.hlc(3000), ops: [VectorKeys.set(9, "phase", .string("groei"))])
        f.rewind(to: 1, prev: f1.id)
        let f2b = f.next(VectorKeys.hlc(2000), ops: [VectorKeys.set(9, "phase", .string("plan"))])
        scenarios.append(
            ReceiveScenario(
                name: "fork-detected",
                description: "A second, different change set at a held sequence is a fork: both are kept as evidence, the "
                    + "author's change sets from that sequence on are retracted, and later ones are refused.",
                changeSets: [(f1, 0), (f2, 0), (f2b, 0), (f3, 0)], steps: [(0, now), (1, now), (2, now), (3, now), (1, now)]))
        return scenarios
    }
}
