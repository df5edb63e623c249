import MAEXCore
import XCTest

/// Deletes are final: a record created, deleted, "re-created" by a set on its id and edited
/// concurrently ends deleted in every delivery order, its tombstone the earliest delete.
final class ConvergenceDeleteTests: XCTestCase {
    private let record = SimKeys.initiative(7)
    private let wall: Int64 = 1_767_225_600_000

    /// A creates, B deletes after seeing it, C sets a field after seeing the delete (a
    /// re-create attempt), and A edits concurrently with the delete.
    func testCreateDeleteRecreateEditConvergesToDeletedInAll24Orders() throws {
        var a = SimAuthor(key: SimKeys.key(20), verifiesOwnChangeSets: true)
        var b = SimAuthor(key: SimKeys.key(21), verifiesOwnChangeSets: true)
        var c = SimAuthor(key: SimKeys.key(22), verifiesOwnChangeSets: true)
        let create = try a.write(
            [.set(record, field: "name", value: .string("Voedselbank")), .set(record, field: "municipality", value: .string("GM0716"))],
            wallMilliseconds: wall)
        try b.receive(create, wallMilliseconds: wall + 100)
        let delete = try b.write([.delete(record)], wallMilliseconds: wall + 200)
        try c.receive(create, wallMilliseconds: wall + 300)
        try c.receive(delete, wallMilliseconds: wall + 300)
        XCTAssertEqual(c.view.register.records[record]?.isDeleted, true)
        let recreate = try c.write([.set(record, field: "name", value: .string("Voedselbank opnieuw"))], wallMilliseconds: wall + 400)
        let edit = try a.write([.set(record, field: "name", value: .string("Voedselbank Tholen"))], wallMilliseconds: wall + 500)

        // The change sets carry the causality the scenario claims.
        XCTAssertEqual(recreate.changeSet.deps, [a.id: 1, b.id: 1])
        XCTAssertEqual(Self.pred(of: recreate.changeSet), [], "a set on a deleted record supersedes nothing")
        XCTAssertEqual(Self.pred(of: edit.changeSet), [create.changeSet.ref])
        XCTAssertEqual(edit.changeSet.deps, [:])

        let all = [create, delete, recreate, edit]
        let tombstone = Tombstone(ref: delete.changeSet.ref, hlc: delete.changeSet.hlc)
        try assertEveryOrder(all, endsWith: tombstone)
    }

    /// Two concurrent deletes: the earlier by clock is the tombstone, whichever arrives first.
    func testConcurrentDeletesKeepTheEarliestTombstoneInAll24Orders() throws {
        var a = SimAuthor(key: SimKeys.key(23))
        var b = SimAuthor(key: SimKeys.key(24))
        var c = SimAuthor(key: SimKeys.key(25))
        let create = try a.write([.set(record, field: "name", value: .string("Repair Café"))], wallMilliseconds: wall)
        try b.receive(create, wallMilliseconds: wall + 1_000)
        try c.receive(create, wallMilliseconds: wall + 1_000)
        let lateDelete = try b.write([.delete(record)], wallMilliseconds: wall + 9_000)
        let earlyDelete = try c.write([.delete(record)], wallMilliseconds: wall + 2_000)
        let edit = try a.write([.set(record, field: "phase", value: .string("groei"))], wallMilliseconds: wall + 5_000)
        XCTAssertLessThan(earlyDelete.changeSet.hlc, lateDelete.changeSet.hlc)
        let tombstone = Tombstone(ref: earlyDelete.changeSet.ref, hlc: earlyDelete.changeSet.hlc)
        try assertEveryOrder([create, lateDelete, earlyDelete, edit], endsWith: tombstone)
    }

    /// Two deletes with the same clock reading: the smaller author id is the tombstone.
    func testConcurrentDeletesWithEqualClocksKeepTheSmallerAuthor() throws {
        var a = SimAuthor(key: SimKeys.key(26))
        var b = SimAuthor(key: SimKeys.key(27))
        var c = SimAuthor(key: SimKeys.key(28))
        let create = try a.write([.set(record, field: "name", value: .string("Zeeuwse Zorg"))], wallMilliseconds: wall)
        try b.receive(create, wallMilliseconds: wall + 1_000)
        try c.receive(create, wallMilliseconds: wall + 1_000)
        let deleteB = try b.write([.delete(record)], wallMilliseconds: wall + 3_000)
        let deleteC = try c.write([.delete(record)], wallMilliseconds: wall + 3_000)
        XCTAssertEqual(deleteB.changeSet.hlc, deleteC.changeSet.hlc)
        let first = b.id < c.id ? deleteB : deleteC
        let tombstone = Tombstone(ref: first.changeSet.ref, hlc: first.changeSet.hlc)
        let edit = try a.write([.set(record, field: "name", value: .string("Zeeuwse Zorg!"))], wallMilliseconds: wall + 4_000)
        try assertEveryOrder([create, deleteB, deleteC, edit], endsWith: tombstone)
    }

    private func assertEveryOrder(
        _ all: [SignedChangeSet], endsWith tombstone: Tombstone, file: StaticString = #filePath, line: UInt = #line
    ) throws {
        let expected = ConvergenceOracle.records(of: all.map(\.changeSet))
        XCTAssertEqual(expected, [record: RecordState(tombstone: tombstone)], file: file, line: line)
        let orders = allPermutations(Array(all.indices))
        XCTAssertEqual(orders.count, 24, file: file, line: line)
        var digests = Set<String>()
        for order in orders {
            var replica = MemoryReplica(realm: SimKeys.realm)
            for index in order {
                let outcome = replica.receive(all[index], nowMilliseconds: wall + 60_000)
                XCTAssertNotEqual(outcome.code, "rejected", "order \(order)", file: file, line: line)
            }
            XCTAssertTrue(replica.pending.isEmpty, "order \(order)", file: file, line: line)
            XCTAssertEqual(replica.vector.values.reduce(0, +), 4, "order \(order)", file: file, line: line)
            XCTAssertNil(replica.register.record(record), "order \(order)", file: file, line: line)
            XCTAssertEqual(replica.register.records[record]?.tombstone, tombstone, "order \(order)", file: file, line: line)
            XCTAssertEqual(replica.register.records[record]?.fields, [:], "order \(order)", file: file, line: line)
            XCTAssertEqual(replica.register.records, expected, "order \(order)", file: file, line: line)
            XCTAssertEqual(replica.register.conflicts, [], "order \(order)", file: file, line: line)
            digests.insert(replica.register.digest)
        }
        XCTAssertEqual(digests, [ConvergenceOracle.digest(of: expected)], file: file, line: line)
    }

    private static func pred(of changeSet: ChangeSet) -> [ChangeRef] {
        changeSet.ops.flatMap { op -> [ChangeRef] in
            if case .set(let set) = op { return set.pred }
            return []
        }
    }
}
