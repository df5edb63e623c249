import Foundation
import GRDB
import Logging
import MAEXCore
import MAEXNode
import MAEXStore
import XCTest

/// `maex-node log|digest|verify|rebuild|conflicts`, end to end.
final class CLIInspectionTests: XCTestCase {
    private var nodes: [CLINode] = []

    override func tearDown() {
        nodes.forEach { $0.remove() }
        super.tearDown()
    }

    private func makeNode(role: String = "municipality", scope: String = "GM0718", network: CLINode? = nil) throws -> (CLINode, String) {
        let node = CLINode.temporary()
        nodes.append(node)
        let id = try node.initialize(role: role, scope: scope, network: network)
        return (node, id)
    }

    /// Copies the change sets `to` lacks from `from`, through the stores (as sync would).
    private func copyChangeSets(from: CLINode, to: CLINode) throws {
        let source = try NodeDirectory.open(at: from.folder).openStore(logger: Logger(label: "test"))
        let target = try NodeDirectory.open(at: to.folder).openStore(logger: Logger(label: "test"))
        let missing = try source.changeSets(missingFrom: try target.vector().mapValues(\.seq), maxCount: 10_000, maxBytes: 100_000_000).items
        let outcomes = try target.receive(missing, nowMilliseconds: Int64(Date().timeIntervalSince1970 * 1000))
        XCTAssertEqual(outcomes, Array(repeating: .stored, count: missing.count))
    }

    func testDigestOfAnEmptyNodeAndAfterEdits() throws {
        let (node, _) = try makeNode()
        let empty = try node.run("digest")
        XCTAssertEqual(empty.status, 0, empty.stderr)
        XCTAssertEqual(empty.stdout, Register().digest + "\n")
        _ = try node.add("Repair Café")
        let after = try node.run("digest")
        XCTAssertEqual(after.lines.count, 1)
        XCTAssertEqual(after.lines.first?.count, 64)
        XCTAssertNotEqual(after.stdout, empty.stdout)
        XCTAssertEqual(try node.run("digest").stdout, after.stdout)
    }

    func testVerifyIsCleanAndRebuildKeepsTheDigest() throws {
        let (node, _) = try makeNode()
        let id = try node.add("Repair Café")
        XCTAssertEqual(try node.run("initiative", "set", id, "volunteers", "4").status, 0)
        let verify = try node.run("verify")
        XCTAssertEqual(verify.status, 0, verify.stderr)
        XCTAssertEqual(verify.lines, ["ok"])
        let digest = try node.run("digest").stdout
        let rebuild = try node.run("rebuild")
        XCTAssertEqual(rebuild.status, 0, rebuild.stderr)
        XCTAssertEqual(rebuild.stdout, digest)
        XCTAssertEqual(try node.run("digest").stdout, digest)
    }

    func testVerifyNamesWhatIsWrongAndExitsNonZero() throws {
        let (node, _) = try makeNode()
        _ = try node.add("Repair Café")
        let store = try NodeStore(path: node.folder.appendingPathComponent("maex.sqlite").path, realm: "maex-test", logger: Logger(label: "test"))
        let digest = try store.digest()
        // Tamper with the derived register behind the store's back.
        try TamperedDatabase.execute(path: store.path, sql: "DELETE FROM field_write WHERE field = 'name'")
        XCTAssertNotEqual(try store.digest(), digest)
        let verify = try node.run("verify")
        XCTAssertEqual(verify.status, 1)
        XCTAssertTrue(verify.stdout.contains("problem: "), verify.stdout)
        XCTAssertTrue(verify.stdout.contains("differs from the log"), verify.stdout)
        XCTAssertEqual(verify.errorLines.count, 1)
        XCTAssertTrue(verify.stderr.hasPrefix("maex-node: error: verify found"), verify.stderr)
        // The register is a cache: a rebuild restores it.
        XCTAssertEqual(try node.run("rebuild").stdout, digest + "\n")
        XCTAssertEqual(try node.run("verify").status, 0)
    }

    func testLogListsAuthorSeqIDAndOperations() throws {
        let (node, nodeID) = try makeNode()
        let id = try node.add("Repair Café")
        XCTAssertEqual(try node.run("initiative", "set", id, "sdgs", "3,11").status, 0)
        let log = try node.run("log", "--json").json()
        let all = try XCTUnwrap(log.arrayValue?.compactMap(\.objectValue))
        XCTAssertEqual(all.count, 3, "the root's certificate of the node and its two edits")
        XCTAssertEqual(all.first?["ops"], .int(1))
        let entries = all.filter { $0["author"] == .string(nodeID) }
        XCTAssertEqual(entries.count, 2)
        XCTAssertEqual(entries.map { $0["author"] }, [.string(nodeID), .string(nodeID)])
        XCTAssertEqual(entries.map { $0["seq"] }, [.int(1), .int(2)])
        XCTAssertEqual(entries.map { $0["ops"] }, [.int(2), .int(1)])
        XCTAssertEqual(entries.compactMap { $0["id"]?.stringValue?.count }, [64, 64])
        let text = try node.run("log")
        XCTAssertEqual(text.lines.count, 3)
        XCTAssertEqual(text.lines.dropFirst().first, "\(nodeID) #1 \(entries[0]["id"]?.stringValue ?? "") 2 op(s)")
        XCTAssertEqual(try node.run("log", "--limit", "1", "--offset", "1", "--json").json().arrayValue?.first?.objectValue?["id"], entries[0]["id"])
    }

    func testConflictsShowBothValuesAndTheirAuthorsUntilResolved() throws {
        let (municipality, municipalityID) = try makeNode()
        let (hub, hubID) = try makeNode(role: "province", scope: "PV29", network: municipality)
        let id = try municipality.add("Repair Café")
        try copyChangeSets(from: municipality, to: hub)
        XCTAssertEqual(try municipality.run("initiative", "set", id, "name", "Alpha").status, 0)
        Thread.sleep(forTimeInterval: 0.01)
        XCTAssertEqual(try hub.run("initiative", "set", id, "name", "Beta").status, 0)
        try copyChangeSets(from: hub, to: municipality)
        try copyChangeSets(from: municipality, to: hub)
        XCTAssertEqual(try municipality.run("digest").stdout, try hub.run("digest").stdout)

        let conflicts = try municipality.run("conflicts", "--json").json()
        let items = try XCTUnwrap(conflicts.arrayValue?.compactMap(\.objectValue))
        XCTAssertEqual(items.count, 1)
        let conflict = try XCTUnwrap(items.first)
        XCTAssertEqual(conflict["id"], .string(id))
        XCTAssertEqual(conflict["field"], .string("name"))
        XCTAssertEqual(conflict["winner"]?.objectValue?["value"], .string("Beta"))
        XCTAssertEqual(conflict["winner"]?.objectValue?["by"], .string(hubID))
        let losers = try XCTUnwrap(conflict["losers"]?.arrayValue?.compactMap(\.objectValue))
        XCTAssertEqual(losers.map { $0["value"] }, [.string("Alpha")])
        XCTAssertEqual(losers.map { $0["by"] }, [.string(municipalityID)])

        let text = try municipality.run("conflicts")
        XCTAssertEqual(text.lines.count, 1)
        for part in ["\"Alpha\"", "\"Beta\"", municipalityID, hubID, "name"] {
            XCTAssertTrue(text.stdout.contains(part), "\(text.stdout) lacks \(part)")
        }
        let show = try municipality.run("initiative", "show", id, "--json").json().objectValue
        XCTAssertEqual(show?["conflicts"]?.arrayValue?.count, 1)
        XCTAssertTrue(try municipality.run("initiative", "show", id).stdout.contains("conflict: "))

        XCTAssertEqual(try municipality.run("initiative", "set", id, "name", "Gamma").status, 0)
        XCTAssertEqual(try municipality.run("conflicts", "--json").stdout, "[]\n")
        XCTAssertEqual(try municipality.run("conflicts").lines, ["no conflicts"])
        XCTAssertEqual(try municipality.run("verify").status, 0)
    }
}

/// Writes to a store's database behind its back, to prove that `verify` notices.
private enum TamperedDatabase {
    static func execute(path: String, sql: String) throws {
        let queue = try DatabaseQueue(path: path)
        try queue.write { try $0.execute(sql: sql) }
    }
}
