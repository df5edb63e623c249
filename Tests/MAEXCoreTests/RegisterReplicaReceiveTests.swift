import MAEXCore
import XCTest

/// `MemoryReplica`'s receive rules: out-of-order arrival waits and drains, a broken chain or
/// clock is refused, a clock too far ahead is refused until the local clock catches up.
final class RegisterReplicaReceiveTests: XCTestCase {
    private let record = SimKeys.initiative(11)
    private let wall: Int64 = 1_767_225_600_000

    /// Three change sets of one author: create, edit, second field.
    private func chain(_ author: inout SimAuthor) throws -> [SignedChangeSet] {
        [
            try author.write([.set(record, field: "name", value: .string("Eén"))], wallMilliseconds: wall),
            try author.write([.set(record, field: "name", value: .string("Twee"))], wallMilliseconds: wall + 10),
            try author.write([.set(record, field: "phase", value: .string("start"))], wallMilliseconds: wall + 20),
        ]
    }

    func testOutOfOrderArrivalWaitsAndIsDrained() throws {
        var author = SimAuthor(key: SimKeys.key(50))
        let sets = try chain(&author)
        let a = author.id
        var replica = MemoryReplica(realm: SimKeys.realm)
        XCTAssertEqual(replica.receive(sets[2], nowMilliseconds: wall), .pending(missing: [ChangeRef(author: a, seq: 1)]))
        XCTAssertEqual(replica.receive(sets[1], nowMilliseconds: wall), .pending(missing: [ChangeRef(author: a, seq: 1)]))
        XCTAssertEqual(
            replica.receive(sets[2], nowMilliseconds: wall), .pending(missing: [ChangeRef(author: a, seq: 1)]), "a duplicate while pending")
        XCTAssertEqual(Set(replica.pending.keys), [sets[1].id, sets[2].id])
        XCTAssertEqual(replica.register, Register())
        XCTAssertEqual(replica.vector, [:])

        XCTAssertEqual(replica.receive(sets[0], nowMilliseconds: wall), .stored)
        XCTAssertEqual(replica.pending.count, 0)
        XCTAssertEqual(replica.appliedOrder, [1, 2, 3].map { ChangeRef(author: a, seq: $0) })
        XCTAssertEqual(replica.vector, [a: 3])
        XCTAssertEqual(replica.register, author.view.register)
        XCTAssertEqual(replica.register.record(record)?.value(of: "name"), .string("Twee"))
        XCTAssertEqual(replica.register.record(record)?.value(of: "phase"), .string("start"))
        XCTAssertEqual(replica.receive(sets[1], nowMilliseconds: wall), .duplicate)
        XCTAssertEqual(replica.quarantine.count, 0)
    }

    func testMissingDependenciesOfAnotherAuthorWait() throws {
        var a = SimAuthor(key: SimKeys.key(51))
        var b = SimAuthor(key: SimKeys.key(52))
        let sets = try chain(&a)
        for signed in sets { try b.receive(signed, wallMilliseconds: wall + 30) }
        let edit = try b.write([.set(record, field: "name", value: .string("Drie"))], wallMilliseconds: wall + 40)
        XCTAssertEqual(edit.changeSet.deps, [a.id: 3])

        var replica = MemoryReplica(realm: SimKeys.realm)
        replica.receive(sets[0], nowMilliseconds: wall)
        XCTAssertEqual(replica.receive(edit, nowMilliseconds: wall + 50), .pending(missing: [ChangeRef(author: a.id, seq: 3)]))
        XCTAssertEqual(replica.receive(sets[1], nowMilliseconds: wall + 50), .stored)
        XCTAssertEqual(replica.pending.count, 1, "still waiting for sequence 3")
        XCTAssertEqual(replica.receive(sets[2], nowMilliseconds: wall + 50), .stored)
        XCTAssertEqual(replica.pending.count, 0)
        XCTAssertEqual(replica.vector, [a.id: 3, b.id: 1])
        XCTAssertEqual(replica.register.record(record)?.value(of: "name"), .string("Drie"))
        XCTAssertEqual(replica.register.conflicts, [])
        XCTAssertEqual(replica.register, b.view.register)
    }

    func testAPreviousIdThatDoesNotMatchTheHeldChainIsRejected() throws {
        var author = SimAuthor(key: SimKeys.key(53))
        let sets = try chain(&author)
        var replica = MemoryReplica(realm: SimKeys.realm)
        replica.receive(sets[0], nowMilliseconds: wall)
        var wrong = sets[1].changeSet
        wrong.prev = ChangeSetID(hashing: [1, 2, 3])
        let forged = wrong.signed(with: author.key)
        let before = replica.register
        guard case .rejected(let reason) = replica.receive(forged, nowMilliseconds: wall + 10) else {
            return XCTFail("a wrong prev must be rejected")
        }
        XCTAssertTrue(reason.contains("previous id does not match"), reason)
        XCTAssertEqual(replica.quarantine[forged.id], reason)
        XCTAssertEqual(replica.register, before)
        XCTAssertEqual(replica.vector, [author.id: 1])
        XCTAssertEqual(replica.pending.count, 0)
        // The genuine one is still accepted.
        XCTAssertEqual(replica.receive(sets[1], nowMilliseconds: wall + 10), .stored)
    }

    func testAWrongPrevThatWaitedIsRejectedWhenItsTurnComes() throws {
        var author = SimAuthor(key: SimKeys.key(54))
        let sets = try chain(&author)
        var wrong = sets[2].changeSet
        wrong.prev = sets[0].id
        let forged = wrong.signed(with: author.key)
        var replica = MemoryReplica(realm: SimKeys.realm)
        XCTAssertEqual(replica.receive(forged, nowMilliseconds: wall), .pending(missing: [ChangeRef(author: author.id, seq: 1)]))
        replica.receive(sets[0], nowMilliseconds: wall)
        XCTAssertEqual(replica.receive(sets[1], nowMilliseconds: wall), .stored)
        XCTAssertEqual(replica.pending.count, 0)
        XCTAssertNotNil(replica.quarantine[forged.id])
        XCTAssertEqual(replica.vector, [author.id: 2])
    }

    func testAClockThatDoesNotAdvanceIsRejected() throws {
        var author = SimAuthor(key: SimKeys.key(55))
        let sets = try chain(&author)
        var replica = MemoryReplica(realm: SimKeys.realm)
        replica.receive(sets[0], nowMilliseconds: wall)
        for hlc in [sets[0].changeSet.hlc, HLCTimestamp(milliseconds: wall - 1, counter: 99)] {
            var stale = sets[1].changeSet
            stale.hlc = hlc
            let signed = stale.signed(with: author.key)
            guard case .rejected(let reason) = replica.receive(signed, nowMilliseconds: wall + 10) else {
                XCTFail("clock \(hlc) must be rejected")
                continue
            }
            XCTAssertTrue(reason.contains("does not advance"), reason)
            XCTAssertNotNil(replica.quarantine[signed.id])
        }
        XCTAssertEqual(replica.vector, [author.id: 1])
        XCTAssertEqual(replica.receive(sets[1], nowMilliseconds: wall + 10), .stored)
    }

    func testAClockTooFarInTheFutureIsRejectedUntilTheLocalClockCatchesUp() throws {
        var author = SimAuthor(key: SimKeys.key(56))
        let sixMinutes: Int64 = 6 * 60_000
        let early = try author.write([.set(record, field: "name", value: .string("Vooruit"))], wallMilliseconds: wall + sixMinutes)
        var replica = MemoryReplica(realm: SimKeys.realm)
        guard case .rejected(let reason) = replica.receive(early, nowMilliseconds: wall) else {
            return XCTFail("a clock six minutes ahead must be rejected")
        }
        XCTAssertTrue(reason.contains("in the future"), reason)
        XCTAssertEqual(replica.quarantine[early.id], reason)
        XCTAssertEqual(replica.vector, [:])
        XCTAssertEqual(replica.register, Register())
        // One minute later it is still more than five minutes ahead.
        XCTAssertEqual(replica.receive(early, nowMilliseconds: wall + 59_999).code, "rejected")
        // Exactly at the drift limit it is accepted.
        XCTAssertEqual(replica.receive(early, nowMilliseconds: wall + 60_000), .stored)
        XCTAssertEqual(replica.vector, [author.id: 1])
        XCTAssertEqual(replica.register.record(record)?.value(of: "name"), .string("Vooruit"))
    }

    func testAFutureClockThatWaitsIsRejectedToo() throws {
        var author = SimAuthor(key: SimKeys.key(57))
        _ = try author.write([.set(record, field: "name", value: .string("a"))], wallMilliseconds: wall)
        let second = try author.write([.set(record, field: "name", value: .string("b"))], wallMilliseconds: wall + 10 * 60_000)
        var replica = MemoryReplica(realm: SimKeys.realm)
        XCTAssertEqual(replica.receive(second, nowMilliseconds: wall).code, "rejected")
        XCTAssertEqual(replica.pending.count, 0)
    }
}
