import Foundation
import GRDB
import MAEXStore
import XCTest

/// Stores written by the code of every schema version that landed on main
/// (`scripts/make-upgrade-fixtures.sh`, kept in `Fixtures/upgrade/vN/`) open with today's code,
/// migrate, verify, and keep the digest the old code recorded.
final class UpgradeFixtureTests: XCTestCase {
    /// The fixtures folder beside this file.
    private static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/upgrade")

    func testEveryLandedSchemaVersionHasAFixture() throws {
        let versions = try FileManager.default.contentsOfDirectory(atPath: Self.folder.path).filter { $0.hasPrefix("v") }.sorted()
        XCTAssertEqual(versions, ["v1", "v2", "v3", "v4"], "one fixture per schema version on main; run scripts/make-upgrade-fixtures.sh after adding a migration")
    }

    func testEachFixtureMigratesVerifiesAndKeepsItsDigest() throws {
        let fresh = try makeTemporaryDirectory(self).appendingPathComponent("fresh.sqlite")
        _ = try NodeStore(path: fresh.path, realm: "fresh", logger: testLogger())
        let current = try Self.migrations(fresh.path)
        for version in ["v1", "v2", "v3", "v4"] {
            let source = Self.folder.appendingPathComponent(version)
            let recorded = try String(contentsOf: source.appendingPathComponent("digest.txt"), encoding: .utf8)
                .trimmingCharacters(in: .whitespacesAndNewlines)
            let info = try String(contentsOf: source.appendingPathComponent("source.txt"), encoding: .utf8)
            let realm = try XCTUnwrap(info.split(separator: "\n").first { $0.hasPrefix("realm ") }?.dropFirst("realm ".count))
            let copy = try makeTemporaryDirectory(self).appendingPathComponent("node.sqlite")
            try FileManager.default.copyItem(at: source.appendingPathComponent("node.sqlite"), to: copy)
            let before = try Self.migrations(copy.path)

            let store = try NodeStore(path: copy.path, realm: String(realm), logger: testLogger())
            XCTAssertEqual(try store.verify(), [], "\(version) verifies after migrating")
            XCTAssertEqual(try store.digest(), recorded, "\(version) keeps the digest its own code recorded")
            XCTAssertGreaterThan(try store.changeSetCount(), 0, version)
            _ = try store.searchInitiatives(InitiativeSearch(text: "a"))
            let after = try Self.migrations(copy.path)
            XCTAssertEqual(after, current, "\(version) has every migration of today's schema after opening")
            XCTAssertEqual(Array(after.prefix(before.count)), before, "\(version)'s own migrations keep their names")
        }
    }

    /// The migrations a store file has applied, in order.
    private static func migrations(_ path: String) throws -> [String] {
        let queue = try DatabaseQueue(path: path)
        defer { try? queue.close() }
        return try queue.read { try String.fetchAll($0, sql: "SELECT identifier FROM grdb_migrations ORDER BY rowid") }
    }
}
