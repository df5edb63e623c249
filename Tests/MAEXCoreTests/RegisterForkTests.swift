import MAEXCore
import XCTest

/// An author that signs two different change sets at one sequence has forked: the replica
/// retracts the author's change sets from that sequence on and quarantines later ones.
final class RegisterForkTests: XCTestCase {
    private let record = SimKeys.initiative(12)
    private let wall: Int64 = 1_767_225_600_000

    private struct Scenario {
        var honest: [SignedChangeSet]  // A1, A2, A3, A4
        var fork2: SignedChangeSet  // A2' on top of A1
        var fork1: SignedChangeSet  // A1', another first change set
        var other: SignedChangeSet  // B1, built on A3
        var author: NodeID
        var otherAuthor: NodeID
    }

    private func scenario() throws -> Scenario {
        let key = SimKeys.key(60)
        var a = SimAuthor(key: key)
        var b = SimAuthor(key: SimKeys.key(61))
        var honest = [try a.write([.set(record, field: "name", value: .string("A1"))], wallMilliseconds: wall)]
        honest.append(try a.write([.set(record, field: "name", value: .string("A2"))], wallMilliseconds: wall + 10))
        honest.append(try a.write([.set(record, field: "volunteers", value: .int(3))], wallMilliseconds: wall + 20))
        for signed in honest { try b.receive(signed, wallMilliseconds: wall + 30) }
        let other = try b.write([.set(record, field: "phase", value: .string("groei"))], wallMilliseconds: wall + 40)
        honest.append(try a.write([.set(record, field: "name", value: .string("A4"))], wallMilliseconds: wall + 50))

        var twin = SimAuthor(key: key)  // the same key, a second history
        try twin.receive(honest[0], wallMilliseconds: wall)
        let fork2 = try twin.write([.set(record, field: "name", value: .string("A2'"))], wallMilliseconds: wall + 15)
        var twin1 = SimAuthor(key: key)
        let fork1 = try twin1.write([.delete(record)], wallMilliseconds: wall + 5)
        return Scenario(honest: honest, fork2: fork2, fork1: fork1, other: other, author: key.nodeID, otherAuthor: b.id)
    }

    func testAForkRetractsTheAuthorFromTheForkedSequenceAndQuarantinesLaterOnes() throws {
        let s = try scenario()
        var replica = MemoryReplica(realm: SimKeys.realm)
        for signed in s.honest.prefix(3) + [s.other] { XCTAssertEqual(replica.receive(signed, nowMilliseconds: wall + 60), .stored) }
        XCTAssertEqual(replica.register.record(record)?.value(of: "name"), .string("A2"))

        XCTAssertEqual(replica.receive(s.fork2, nowMilliseconds: wall + 60), .fork(existing: s.honest[1].id))
        XCTAssertEqual(replica.forkedFrom, [s.author: 2])
        XCTAssertEqual(replica.quarantine[s.fork2.id]?.hasPrefix("fork: \(s.honest[1].id.hex)"), true)
        XCTAssertEqual(replica.pending.count, 0)
        // The log keeps the evidence; the register keeps only A1 and B1.
        XCTAssertEqual(replica.vector, [s.author: 3, s.otherAuthor: 1])
        let expected = ConvergenceOracle.records(of: [s.honest[0].changeSet, s.other.changeSet])
        XCTAssertEqual(replica.register.records, expected)
        XCTAssertEqual(replica.register.record(record)?.value(of: "name"), .string("A1"))
        XCTAssertNil(replica.register.record(record)?.value(of: "volunteers"))
        XCTAssertEqual(replica.register.record(record)?.value(of: "phase"), .string("groei"))

        // The honest continuation is quarantined, not applied.
        guard case .rejected(let reason) = replica.receive(s.honest[3], nowMilliseconds: wall + 60) else {
            return XCTFail("a change set after the fork must be rejected")
        }
        XCTAssertTrue(reason.contains("forked at sequence 2"), reason)
        XCTAssertNotNil(replica.quarantine[s.honest[3].id])
        XCTAssertEqual(replica.vector, [s.author: 3, s.otherAuthor: 1])
        XCTAssertEqual(replica.register.records, expected)

        // Held change sets are still answered as duplicates, and a rebuild changes nothing.
        XCTAssertEqual(replica.receive(s.honest[2], nowMilliseconds: wall + 60), .duplicate)
        let digest = replica.register.digest
        replica.rebuild()
        XCTAssertEqual(replica.register.digest, digest)

        // A fork at an earlier sequence retracts further.
        XCTAssertEqual(replica.receive(s.fork1, nowMilliseconds: wall + 60), .fork(existing: s.honest[0].id))
        XCTAssertEqual(replica.forkedFrom, [s.author: 1])
        XCTAssertEqual(replica.register.records, ConvergenceOracle.records(of: [s.other.changeSet]))
    }

    func testAForkFoundWhileWaitingLeavesNothingPending() throws {
        let key = SimKeys.key(62)
        var a = SimAuthor(key: key)
        var b = SimAuthor(key: SimKeys.key(63))
        let first = try a.write([.set(record, field: "name", value: .string("A1"))], wallMilliseconds: wall)
        let honest = try a.write([.set(record, field: "name", value: .string("A2"))], wallMilliseconds: wall + 10)
        let fromB = try b.write([.set(record, field: "phase", value: .string("plan"))], wallMilliseconds: wall)
        var twin = SimAuthor(key: key)
        try twin.receive(first, wallMilliseconds: wall)
        try twin.receive(fromB, wallMilliseconds: wall)
        let forked = try twin.write([.set(record, field: "name", value: .string("A2'"))], wallMilliseconds: wall + 20)
        XCTAssertEqual(forked.changeSet.deps, [b.id: 1])

        var replica = MemoryReplica(realm: SimKeys.realm)
        replica.receive(first, nowMilliseconds: wall + 30)
        XCTAssertEqual(replica.receive(forked, nowMilliseconds: wall + 30), .pending(missing: [ChangeRef(author: b.id, seq: 1)]))
        // The honest A2 arrives: draining finds the waiting twin is a fork.
        XCTAssertEqual(replica.receive(honest, nowMilliseconds: wall + 30), .stored)
        XCTAssertEqual(replica.forkedFrom, [key.nodeID: 2])
        XCTAssertNotNil(replica.quarantine[forked.id])
        XCTAssertEqual(replica.pending.count, 0, "a change set found to be a fork must not stay pending")
        XCTAssertEqual(replica.receive(fromB, nowMilliseconds: wall + 30), .stored)
        XCTAssertEqual(replica.pending.count, 0)
        XCTAssertEqual(replica.register.records, ConvergenceOracle.records(of: [first.changeSet, fromB.changeSet]))
    }

    func testEveryDeliveryOrderOfAForkEndsWithTheSameRegister() throws {
        let s = try scenario()
        let all = s.honest.prefix(3) + [s.fork2, s.other]
        let expected = ConvergenceOracle.records(of: [s.honest[0].changeSet, s.other.changeSet])
        for order in allPermutations(Array(all.indices)) {
            var replica = MemoryReplica(realm: SimKeys.realm)
            for index in order { replica.receive(all[all.startIndex + index], nowMilliseconds: wall + 60) }
            XCTAssertEqual(replica.forkedFrom, [s.author: 2], "order \(order)")
            XCTAssertTrue(replica.register.records == expected, "order \(order): register differs from A1 + B1")
            XCTAssertEqual(replica.register.digest, ConvergenceOracle.digest(of: expected), "order \(order)")
            XCTAssertEqual(replica.pending.count, 0, "order \(order)")
            XCTAssertEqual(replica.vector[s.otherAuthor], 1, "order \(order)")
        }
    }
}
