import MAEXCore
import MAEXTestSupport
import XCTest

/// The behaviour every replica must show, run against `MemoryReplica` and `NodeStore` by
/// `MemoryReplicaContractTests` and `NodeStoreContractTests`.
struct ReplicaContract {
    let make: () throws -> any ReplicaUnderTest
    let now = TestKeys.wall + 3_600_000

    /// The digest of a register that applied exactly `changeSets`, in this order.
    static func expectedDigest(_ changeSets: [SignedChangeSet]) -> String {
        var register = Register()
        for signed in changeSets { register.apply(signed.changeSet) }
        return register.digest
    }

    func stored() throws {
        let replica = try make()
        var a = ChainBuilder(TestKeys.key(1))
        let a1 = a.next([.set(TestKeys.initiative(1), "name", "Repair Café")])
        XCTAssertEqual(try replica.receive([a1], now: now), [.stored], replica.name)
        XCTAssertEqual(try replica.vector(), [a.author: 1], replica.name)
        XCTAssertEqual(try replica.digest(), Self.expectedDigest([a1]), replica.name)
        XCTAssertEqual(try replica.record(TestKeys.initiative(1))?.value(of: "name"), .string("Repair Café"), replica.name)
        XCTAssertEqual(try replica.missing(from: [:]).map(\.id), [a1.id], replica.name)
        XCTAssertEqual(try replica.missing(from: [a.author: 1]), [], replica.name)
    }

    func duplicate() throws {
        let replica = try make()
        var a = ChainBuilder(TestKeys.key(1))
        let a1 = a.next([.set(TestKeys.initiative(1), "name", "Buurttuin")])
        XCTAssertEqual(try replica.receive([a1, a1], now: now), [.stored, .duplicate], replica.name)
        let digest = try replica.digest()
        XCTAssertEqual(try replica.receive([a1], now: now), [.duplicate], replica.name)
        XCTAssertEqual(try replica.digest(), digest, replica.name)
        XCTAssertEqual(try replica.vector(), [a.author: 1], replica.name)
        XCTAssertEqual(try replica.quarantinedIDs(), [], replica.name)
    }

    func pendingThenDrainedInOrder() throws {
        let replica = try make()
        var a = ChainBuilder(TestKeys.key(1))
        var b = ChainBuilder(TestKeys.key(2))
        let record = TestKeys.initiative(7)
        let a1 = a.next([.set(record, "name", "one")])
        let a2 = a.next([.set(record, "name", "two", pred: [a1.changeSet.ref])])
        let a3 = a.next([.set(record, "name", "three", pred: [a2.changeSet.ref])])
        let b1 = b.next([.set(record, "description", "by b, after a2")], deps: [a.author: 2])
        XCTAssertEqual(try replica.receive([a3], now: now), [.pending(missing: [ChangeRef(author: a.author, seq: 1)])], replica.name)
        XCTAssertEqual(try replica.receive([b1], now: now), [.pending(missing: [ChangeRef(author: a.author, seq: 2)])], replica.name)
        XCTAssertEqual(try replica.receive([a2], now: now), [.pending(missing: [ChangeRef(author: a.author, seq: 1)])], replica.name)
        XCTAssertEqual(try replica.pendingCount(), 3, replica.name)
        XCTAssertEqual(try replica.vector(), [:], replica.name)
        XCTAssertEqual(try replica.receive([a1], now: now), [.stored], replica.name)
        XCTAssertEqual(try replica.pendingCount(), 0, replica.name)
        XCTAssertEqual(try replica.vector(), [a.author: 3, b.author: 1], replica.name)
        XCTAssertEqual(try replica.digest(), Self.expectedDigest([a1, a2, a3, b1]), replica.name)
        XCTAssertEqual(try replica.record(record)?.value(of: "name"), .string("three"), replica.name)
        XCTAssertEqual(try replica.conflicts(), [], replica.name)
    }

    func rejectedPrevMismatch() throws {
        let replica = try make()
        var a = ChainBuilder(TestKeys.key(1))
        let a1 = a.next([.set(TestKeys.initiative(1), "name", "x")])
        let wrongPrev = ChangeSetID(hashing: Array("not a1".utf8))
        let a2 = a.peek([.set(TestKeys.initiative(1), "name", "y")], prev: .some(wrongPrev))
        let outcomes = try replica.receive([a1, a2], now: now)
        XCTAssertEqual(outcomes.first, .stored, replica.name)
        XCTAssertEqual(outcomes.last?.code, "rejected", replica.name)
        XCTAssertEqual(try replica.quarantinedIDs(), [a2.id], replica.name)
        XCTAssertEqual(try replica.vector(), [a.author: 1], replica.name)
        XCTAssertEqual(try replica.digest(), Self.expectedDigest([a1]), replica.name)
    }

    func rejectedStaleClock() throws {
        let replica = try make()
        var a = ChainBuilder(TestKeys.key(1))
        let a1 = a.next([.set(TestKeys.initiative(1), "name", "x")])
        let a2 = a.peek([.set(TestKeys.initiative(1), "name", "y")], hlc: a1.changeSet.hlc)
        XCTAssertEqual(try replica.receive([a1], now: now), [.stored], replica.name)
        let outcome = try replica.receive([a2], now: now)
        guard case .rejected(let reason) = outcome.first else { return XCTFail("\(replica.name): \(outcome)") }
        XCTAssertTrue(reason.contains("does not advance"), "\(replica.name): \(reason)")
        XCTAssertEqual(try replica.quarantinedIDs(), [a2.id], replica.name)
        XCTAssertEqual(try replica.vector(), [a.author: 1], replica.name)
    }

    func rejectedClockInFuture() throws {
        let replica = try make()
        let a = ChainBuilder(TestKeys.key(1))
        let future = a.peek([.set(TestKeys.initiative(1), "name", "x")], hlc: HLCTimestamp(milliseconds: now + 10 * 60_000, counter: 0))
        let outcome = try replica.receive([future], now: now)
        guard case .rejected(let reason) = outcome.first else { return XCTFail("\(replica.name): \(outcome)") }
        XCTAssertTrue(reason.contains("in the future"), "\(replica.name): \(reason)")
        XCTAssertEqual(try replica.quarantinedIDs(), [future.id], replica.name)
        XCTAssertEqual(try replica.vector(), [:], replica.name)
        XCTAssertEqual(try replica.pendingCount(), 0, replica.name)
        // The refusal is transient: later, when the clock is no longer too far ahead, it is stored.
        XCTAssertEqual(try replica.receive([future], now: now + 10 * 60_000), [.stored], replica.name)
    }

    func forkRetractsAuthor() throws {
        let replica = try make()
        var a = ChainBuilder(TestKeys.key(1))
        var b = ChainBuilder(TestKeys.key(2))
        let record = TestKeys.initiative(3)
        let a1 = a.next([.set(record, "name", "original")])
        let forkBase = a
        let a2 = a.next([.set(record, "name", "second", pred: [a1.changeSet.ref])])
        let a3 = a.next([.set(record, "phase", "groei")])
        let b1 = b.next([.set(record, "description", "b's text")], deps: [a.author: 2])
        let a2Other = forkBase.peek([.set(record, "name", "the other second", pred: [a1.changeSet.ref])])
        XCTAssertNotEqual(a2Other.id, a2.id)
        XCTAssertEqual(try replica.receive([a1, a2, a3, b1], now: now), [.stored, .stored, .stored, .stored], replica.name)
        XCTAssertEqual(try replica.receive([a2Other], now: now), [.fork(existing: a2.id)], replica.name)
        XCTAssertEqual(try replica.forkedFrom(), [a.author: 2], replica.name)
        // Both versions are kept: the held one in the log, the other in quarantine.
        XCTAssertEqual(try replica.missing(from: [:]).map(\.id).sorted(), [a1.id, a2.id, a3.id, b1.id].sorted(), replica.name)
        XCTAssertTrue(try replica.quarantinedIDs().contains(a2Other.id), replica.name)
        // The author's change sets from the fork on no longer count; others' still do.
        XCTAssertEqual(try replica.digest(), Self.expectedDigest([a1, b1]), replica.name)
        XCTAssertEqual(try replica.record(record)?.value(of: "name"), .string("original"), replica.name)
        XCTAssertNil(try replica.record(record)?.value(of: "phase"), replica.name)
        // Later change sets of the author are quarantined.
        let a4 = a.next([.set(record, "name", "after the fork")])
        XCTAssertEqual(try replica.receive([a4], now: now).first?.code, "rejected", replica.name)
        XCTAssertTrue(try replica.quarantinedIDs().contains(a4.id), replica.name)
        XCTAssertEqual(try replica.vector(), [a.author: 3, b.author: 1], replica.name)
        XCTAssertEqual(try replica.receive([a2], now: now), [.duplicate], replica.name)
    }

    func concurrentWritesConflict() throws {
        let replica = try make()
        var a = ChainBuilder(TestKeys.key(1))
        var b = ChainBuilder(TestKeys.key(2))
        var c = ChainBuilder(TestKeys.key(3))
        let record = TestKeys.initiative(5)
        let a1 = a.next([.set(record, "name", "by a")])
        let b1 = b.next([.set(record, "name", "by b")])
        XCTAssertEqual(try replica.receive([b1, a1], now: now), [.stored, .stored], replica.name)
        let conflicts = try replica.conflicts()
        XCTAssertEqual(conflicts.count, 1, replica.name)
        XCTAssertEqual(conflicts.first?.record, record, replica.name)
        XCTAssertEqual(conflicts.first?.field, "name", replica.name)
        let expected = Register.applying([a1, b1]).conflicts
        XCTAssertEqual(conflicts, expected, replica.name)
        XCTAssertEqual(conflicts.first?.losers.count, 1, replica.name)
        // An edit that saw both resolves the conflict.
        let c1 = c.next([.set(record, "name", "merged", pred: [a1.changeSet.ref, b1.changeSet.ref])], deps: [a.author: 1, b.author: 1])
        XCTAssertEqual(try replica.receive([c1], now: now), [.stored], replica.name)
        XCTAssertEqual(try replica.conflicts(), [], replica.name)
        XCTAssertEqual(try replica.record(record)?.value(of: "name"), .string("merged"), replica.name)
        XCTAssertEqual(try replica.digest(), Self.expectedDigest([a1, b1, c1]), replica.name)
    }

    func tombstoneIsFinal() throws {
        let replica = try make()
        var a = ChainBuilder(TestKeys.key(1))
        var b = ChainBuilder(TestKeys.key(2))
        let record = TestKeys.initiative(9)
        let a1 = a.next([.set(record, "name", "to be deleted")])
        let b1 = b.next([.delete(record)], deps: [a.author: 1])
        let a2 = a.next([.set(record, "description", "written concurrently with the delete", pred: [])])
        XCTAssertEqual(try replica.receive([a1, b1, a2], now: now), [.stored, .stored, .stored], replica.name)
        let state = try replica.record(record)
        XCTAssertEqual(state?.isDeleted, true, replica.name)
        XCTAssertEqual(state?.tombstone?.ref, b1.changeSet.ref, replica.name)
        XCTAssertEqual(state?.fields, [:], replica.name)
        XCTAssertNil(try replica.record(TestKeys.initiative(10)), replica.name)
        XCTAssertEqual(try replica.digest(), Self.expectedDigest([a1, b1, a2]), replica.name)
        // Another order gives the same state.
        let other = try make()
        _ = try other.receive([a1, a2], now: now)
        _ = try other.receive([b1], now: now)
        XCTAssertEqual(try other.digest(), try replica.digest(), replica.name)
    }
}

extension Register {
    /// A register that applied `changeSets` in order.
    static func applying(_ changeSets: [SignedChangeSet]) -> Register {
        var register = Register()
        for signed in changeSets { register.apply(signed.changeSet) }
        return register
    }
}
