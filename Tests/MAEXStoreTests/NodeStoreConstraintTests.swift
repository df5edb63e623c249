import Foundation
import GRDB
import MAEXCore
import MAEXStore
import MAEXTestSupport
import XCTest

/// A change set the schema refuses (a constraint violation the receive rules let through) is
/// quarantined alone: the rest of its batch is stored as if it had never arrived, whether the
/// batch came verified (`receive(_:)`) or as bytes (`receive(raw:)`), and nothing of it stays
/// behind in the derived tables.
final class NodeStoreConstraintTests: XCTestCase {
    private let now = TestKeys.wall + 3_600_000

    /// A store whose schema refuses any field value `"boom"`, through a trigger added behind the
    /// store's back (SQLite reports `RAISE(ABORT)` as a constraint violation).
    private func makeRefusingStore() throws -> NodeStore {
        let directory = try makeTemporaryDirectory(self)
        let path = directory.appendingPathComponent("node.sqlite").path
        let store = try NodeStore(path: path, realm: TestKeys.realm, logger: testLogger())
        let raw = try DatabaseQueue(path: path)
        try raw.write { db in
            try db.execute(sql: """
                CREATE TRIGGER refuse_boom BEFORE INSERT ON field_write WHEN NEW.value = '"boom"'
                BEGIN SELECT RAISE(ABORT, 'boom is refused'); END
                """)
        }
        try raw.close()
        return store
    }

    /// a1, b2 (waits for b1), a2 (refused by the schema), b1, a3 (waits for a2).
    private func mixedBatch() -> (batch: [SignedChangeSet], stored: [SignedChangeSet], refused: SignedChangeSet, waiting: SignedChangeSet) {
        var a = ChainBuilder(TestKeys.key(1))
        var b = ChainBuilder(TestKeys.key(2))
        let a1 = a.next([.set(TestKeys.initiative(1), "name", "one")])
        let a2 = a.next([.set(TestKeys.initiative(1), "phase", "idee"), .set(TestKeys.initiative(2), "name", "boom")])
        let a3 = a.next([.set(TestKeys.initiative(3), "name", "three")])
        let b1 = b.next([.set(TestKeys.initiative(4), "name", "four")])
        let b2 = b.next([.set(TestKeys.initiative(4), "name", "four again", pred: [b1.changeSet.ref])])
        return ([a1, b2, a2, b1, a3], [a1, b1, b2], a2, a3)
    }

    private func assertOnlyTheRefusedOneIsMissing(
        _ store: NodeStore, stored: [SignedChangeSet], refused: SignedChangeSet, waiting: SignedChangeSet
    ) throws {
        let quarantine = try store.quarantine()
        XCTAssertEqual(quarantine.map(\.id), [refused.id])
        XCTAssertTrue(quarantine.first?.reason.contains("schema refused") ?? false, "\(quarantine)")
        XCTAssertEqual(try store.pendingIDs(), [waiting.id])
        XCTAssertEqual(try store.vector().mapValues(\.seq), [TestKeys.key(1).nodeID: 1, TestKeys.key(2).nodeID: 2])
        XCTAssertEqual(try store.digest(), Register.applying(stored).digest)
        XCTAssertNil(try store.record(TestKeys.initiative(2)), "the refused change set left a record behind")
        XCTAssertNil(try store.record(TestKeys.initiative(1))?.fields["phase"], "the refused change set left a field behind")
        XCTAssertEqual(try store.verify(), [])
    }

    func testVerifiedBatchKeepsAllButTheRefusedChangeSet() throws {
        let store = try makeRefusingStore()
        let (batch, stored, refused, waiting) = mixedBatch()
        let outcomes = try store.receive(batch, nowMilliseconds: now)
        XCTAssertEqual(outcomes.map(\.code), ["stored", "stored", "rejected", "stored", "pending"])
        try assertOnlyTheRefusedOneIsMissing(store, stored: stored, refused: refused, waiting: waiting)
    }

    func testRawBatchKeepsAllButTheRefusedChangeSet() throws {
        let store = try makeRefusingStore()
        let (batch, stored, refused, waiting) = mixedBatch()
        let results = try store.receive(raw: batch.map { ($0.body, $0.signature) }, nowMilliseconds: now)
        XCTAssertEqual(results.map(\.id), batch.map(\.id))
        XCTAssertEqual(results.map(\.outcome.code), ["stored", "stored", "rejected", "stored", "pending"])
        try assertOnlyTheRefusedOneIsMissing(store, stored: stored, refused: refused, waiting: waiting)
    }

    /// A long raw batch (several verification chunks, opened in parallel) with the refused
    /// change set late in it: the replay re-reads results already opened.
    func testLongRawBatchWithALateRefusal() throws {
        let store = try makeRefusingStore()
        var a = ChainBuilder(TestKeys.key(3))
        var b = ChainBuilder(TestKeys.key(4))
        var batch: [SignedChangeSet] = []
        for number in 0..<120 {
            batch.append(a.next([.set(TestKeys.initiative(number), "name", number == 90 ? "boom" : "a \(number)")]))
            batch.append(b.next([.set(TestKeys.initiative(1_000 + number), "name", "b \(number)")]))
        }
        let results = try store.receive(raw: batch.map { ($0.body, $0.signature) }, nowMilliseconds: now)
        let codes = results.map(\.outcome.code)
        let refusedIndex = 180
        XCTAssertEqual(batch[refusedIndex].changeSet.seq, 91)
        XCTAssertEqual(codes[refusedIndex], "rejected")
        for (index, code) in codes.enumerated() where index != refusedIndex {
            let isLaterOfA = index % 2 == 0 && index > refusedIndex
            XCTAssertEqual(code, isLaterOfA ? "pending" : "stored", "index \(index)")
        }
        let stored = batch.enumerated().filter { $0.offset < refusedIndex || $0.offset % 2 == 1 }.map(\.element)
        XCTAssertEqual(try store.digest(), Register.applying(stored).digest)
        XCTAssertEqual(try store.vector().mapValues(\.seq), [a.author: 90, b.author: 120])
        XCTAssertEqual(try store.pendingCount(), 29)
        XCTAssertEqual(try store.verify(), [])
    }
}
