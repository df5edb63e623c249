import Foundation
import GRDB
import MAEXCore
import MAEXStore
import XCTest
import MAEXTestSupport

/// `rebuild()` and `verify()`: a rebuild keeps the digest, and verify finds tampering done
/// behind the store's back through raw SQL, and nothing on a clean store.
final class NodeStoreVerifyTests: XCTestCase {
    private var store: NodeStore!
    private var path = ""
    private var history: RandomHistory!

    override func setUpWithError() throws {
        let directory = try makeTemporaryDirectory(self)
        path = directory.appendingPathComponent("node.sqlite").path
        store = try NodeStore(path: path, realm: TestKeys.realm, logger: testLogger())
        var rng = SeededGenerator(seed: 77)
        history = RandomHistory.make(seed: 77, authorCount: 3, steps: 60, rng: &rng)
        let outcomes = try store.receive(history.changeSets, nowMilliseconds: history.endWall)
        XCTAssertEqual(Set(outcomes), [.stored])
    }

    override func tearDown() {
        store = nil
    }

    /// A second connection to the same file, as an intruder would open it.
    private func rawConnection() throws -> DatabaseQueue {
        var configuration = Configuration()
        configuration.foreignKeysEnabled = false
        return try DatabaseQueue(path: path, configuration: configuration)
    }

    private func dropAppendOnlyTriggers(_ db: Database) throws {
        try db.execute(sql: "DROP TRIGGER change_set_is_append_only_update; DROP TRIGGER change_set_is_append_only_delete")
    }

    func testCleanStoreVerifiesAndRebuildKeepsTheDigest() throws {
        XCTAssertEqual(try store.verify(), [])
        let digest = try store.digest()
        XCTAssertEqual(digest, Register.applying(history.changeSets).digest)
        let conflicts = try store.conflicts()
        try store.rebuild()
        XCTAssertEqual(try store.digest(), digest)
        XCTAssertEqual(try store.conflicts(), conflicts)
        XCTAssertEqual(try store.verify(), [])
    }

    func testRebuildAfterAForkKeepsTheRetraction() throws {
        let fresh = try makeTemporaryStore(self)
        let replica = NodeStoreUnderTest(store: fresh)
        try ReplicaContract { replica }.forkRetractsAuthor()
        let digest = try fresh.digest()
        try fresh.rebuild()
        XCTAssertEqual(try fresh.digest(), digest)
        XCTAssertEqual(try fresh.verify(), [])
        XCTAssertEqual(try fresh.forks().count, 1)
    }

    func testVerifyFindsDamagedDerivedTablesAndRebuildRepairsThem() throws {
        let digest = try store.digest()
        try rawConnection().write { db in
            try db.execute(sql: "DELETE FROM field_write WHERE (record_no, field, author_no, seq) IN (SELECT record_no, field, author_no, seq FROM field_write LIMIT 1)")
        }
        XCTAssertNotEqual(try store.digest(), digest)
        let problems = try store.verify()
        XCTAssertTrue(problems.contains { $0.contains("derived register differs") }, "\(problems)")
        try store.rebuild()
        XCTAssertEqual(try store.digest(), digest)
        XCTAssertEqual(try store.verify(), [])
    }

    func testVerifyDetectsAnAlteredBody() throws {
        let target = history.changeSets[history.changeSets.count / 2]
        try rawConnection().write { db in
            try dropAppendOnlyTriggers(db)
            guard let data = try Data.fetchOne(db, sql: "SELECT body FROM change_set WHERE id = ?", arguments: [target.id.hex]) else {
                return XCTFail("change set not stored")
            }
            var body = [UInt8](data)
            // Change one letter inside a value: still canonical JSON, different bytes.
            guard let index = body.lastIndex(where: { $0 >= UInt8(ascii: "a") && $0 <= UInt8(ascii: "y") }) else { return XCTFail("no letter") }
            body[index] += 1
            try db.execute(sql: "UPDATE change_set SET body = ? WHERE id = ?", arguments: [Data(body), target.id.hex])
        }
        let problems = try store.verify()
        XCTAssertTrue(problems.contains { $0.contains("not the SHA-256") && $0.contains(target.id.hex) }, "\(problems)")
        XCTAssertTrue(problems.contains { $0.contains("do not verify") }, "\(problems)")
    }

    func testVerifyDetectsAnAlteredSignature() throws {
        let target = history.changeSets[0]
        try rawConnection().write { db in
            try dropAppendOnlyTriggers(db)
            var signature = target.signature
            signature[5] ^= 0x01
            try db.execute(sql: "UPDATE change_set SET signature = ? WHERE id = ?", arguments: [Data(signature), target.id.hex])
        }
        let problems = try store.verify()
        XCTAssertEqual(problems.count, 2, "\(problems)")
        XCTAssertTrue(problems.contains { $0.contains("do not verify") && $0.contains("signature") }, "\(problems)")
        XCTAssertTrue(problems.contains { $0.contains("derived register differs") }, "\(problems)")
    }

    func testVerifyDetectsADeletedLogRow() throws {
        let author = history.changeSets[0].changeSet.author
        let chain = history.changeSets.filter { $0.changeSet.author == author }
        XCTAssertGreaterThanOrEqual(chain.count, 3)
        let victim = chain[1]
        try rawConnection().write { db in
            try dropAppendOnlyTriggers(db)
            try db.execute(sql: "DELETE FROM field_write WHERE (author_no, seq) IN (SELECT author_no, seq FROM change_set WHERE id = ?)", arguments: [victim.id.hex])
            try db.execute(sql: "DELETE FROM change_set WHERE id = ?", arguments: [victim.id.hex])
        }
        let problems = try store.verify()
        XCTAssertTrue(problems.contains { $0.contains("sequence gap, expected 2") }, "\(problems)")
        XCTAssertTrue(problems.contains { $0.contains("foreign key violation") }, "\(problems)")
    }

    func testTheLogIsAppendOnly() throws {
        let raw = try rawConnection()
        XCTAssertThrowsError(try raw.write { db in try db.execute(sql: "UPDATE change_set SET received_at = 0") }) { error in
            XCTAssertTrue("\(error)".contains("append-only"), "\(error)")
        }
        XCTAssertThrowsError(try raw.write { db in try db.execute(sql: "DELETE FROM change_set") }) { error in
            XCTAssertTrue("\(error)".contains("append-only"), "\(error)")
        }
        XCTAssertEqual(try store.changeSetCount(), history.changeSets.count)
        XCTAssertEqual(try store.verify(), [])
    }

    func testWriterIsWALWithSynchronousFull() throws {
        let settings = try store.durabilitySettings()
        XCTAssertEqual(settings.journalMode, "wal")
        XCTAssertEqual(settings.synchronous, 2, "synchronous=FULL")
    }
}
