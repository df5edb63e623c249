import MAEXCore
import XCTest

/// Three authors edit the same field concurrently: every delivery order gives the same winner
/// and lists the other two as losers.
final class ConvergenceConcurrentEditTests: XCTestCase {
    private let record = SimKeys.initiative(42)
    private let wall: Int64 = 1_767_225_600_000

    /// Author 0 creates the record; all three see it, then each sets `name` without seeing the
    /// others. Returns the creation and the three concurrent edits.
    private func scenario(clockOffsets: [Int64]) throws -> (create: SignedChangeSet, edits: [SignedChangeSet], authors: [SimAuthor]) {
        var authors = (0..<3).map { SimAuthor(key: SimKeys.key(10 + $0), verifiesOwnChangeSets: true) }
        let create = try authors[0].write(
            [.set(record, field: "name", value: .string("Buurtmoestuin")), .set(record, field: "municipality", value: .string("GM0718"))],
            wallMilliseconds: wall)
        for index in 1..<3 { try authors[index].receive(create, wallMilliseconds: wall) }
        var edits: [SignedChangeSet] = []
        for index in 0..<3 {
            edits.append(
                try authors[index].write(
                    [.set(record, field: "name", value: .string("Naam van auteur \(index)"))],
                    wallMilliseconds: wall + clockOffsets[index]))
        }
        return (create, edits, authors)
    }

    func testConcurrentEditsWithDistinctClocksPickTheLatestInEveryOrder() throws {
        // Author 1 writes last by clock, so it wins whatever the author ids are.
        let (create, edits, _) = try scenario(clockOffsets: [1_000, 3_000, 2_000])
        let expectedWinner = edits[1].changeSet
        try assertSameOutcomeInEveryOrder(create: create, edits: edits, winner: expectedWinner)
    }

    func testConcurrentEditsWithEqualClocksPickTheGreatestAuthorInEveryOrder() throws {
        let (create, edits, _) = try scenario(clockOffsets: [5_000, 5_000, 5_000])
        XCTAssertEqual(Set(edits.map(\.changeSet.hlc)).count, 1, "the three edits must share one clock reading")
        let winner = try XCTUnwrap(edits.max { $0.changeSet.author < $1.changeSet.author })
        try assertSameOutcomeInEveryOrder(create: create, edits: edits, winner: winner.changeSet)
    }

    func testAnEditThatSawTheConflictResolvesIt() throws {
        let setup = try scenario(clockOffsets: [1_000, 3_000, 2_000])
        let (create, edits) = (setup.create, setup.edits)
        var authors = setup.authors
        for signed in edits where signed.changeSet.author != authors[2].id {
            try authors[2].receive(signed, wallMilliseconds: wall + 4_000)
        }
        XCTAssertEqual(authors[2].view.register.conflicts.count, 1)
        let resolve = try authors[2].write([.set(record, field: "name", value: .string("Opgelost"))], wallMilliseconds: wall + 1)
        let all = [create] + edits + [resolve]
        let expected = ConvergenceOracle.records(of: all.map(\.changeSet))
        XCTAssertEqual(expected[record]?.value(of: "name"), .string("Opgelost"))
        for order in allPermutations(Array(all.indices)) {
            var replica = MemoryReplica(realm: SimKeys.realm)
            for index in order { replica.receive(all[index], nowMilliseconds: wall + 10_000) }
            XCTAssertEqual(replica.register.records, expected, "order \(order)")
            XCTAssertEqual(replica.register.conflicts, [], "order \(order)")
            XCTAssertEqual(replica.register.record(record)?.fields["name"]?.writes.map(\.ref), [resolve.changeSet.ref])
        }
    }

    private func assertSameOutcomeInEveryOrder(
        create: SignedChangeSet, edits: [SignedChangeSet], winner: ChangeSet, file: StaticString = #filePath, line: UInt = #line
    ) throws {
        let all = [create] + edits
        let losers = edits.map(\.changeSet).filter { $0.ref != winner.ref }
            .map { FieldWrite(ref: $0.ref, hlc: $0.hlc, value: Self.nameValue(in: $0)) }
            .sorted(by: FieldWrite.precedes)
        let expectedConflict = Conflict(
            record: record, field: "name",
            winner: FieldWrite(ref: winner.ref, hlc: winner.hlc, value: Self.nameValue(in: winner)),
            losers: losers)
        XCTAssertEqual(losers.count, 2, file: file, line: line)
        var digests = Set<String>()
        let orders = allPermutations(Array(all.indices))
        XCTAssertEqual(orders.count, 24, file: file, line: line)
        for order in orders {
            var replica = MemoryReplica(realm: SimKeys.realm)
            for index in order { replica.receive(all[index], nowMilliseconds: wall + 10_000) }
            XCTAssertTrue(replica.pending.isEmpty, "order \(order)", file: file, line: line)
            XCTAssertEqual(replica.register.conflicts, [expectedConflict], "order \(order)", file: file, line: line)
            XCTAssertEqual(
                replica.register.record(record)?.value(of: "name"), Self.nameValue(in: winner), "order \(order)", file: file, line: line)
            XCTAssertEqual(
                replica.register.record(record)?.value(of: "municipality"), .string("GM0718"), "order \(order)", file: file, line: line)
            digests.insert(replica.register.digest)
        }
        XCTAssertEqual(digests, [ConvergenceOracle.digest(of: ConvergenceOracle.records(of: all.map(\.changeSet)))], file: file, line: line)
    }

    private static func nameValue(in changeSet: ChangeSet) -> JSONValue {
        for case .set(let op) in changeSet.ops where op.field == "name" { return op.value }
        return .null
    }
}
