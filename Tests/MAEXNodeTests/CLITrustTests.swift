import Foundation
import MAEXCore
import MAEXNode
import XCTest

/// `maex-node trust` end to end through the built executable: grant, import, list, revoke and
/// rotate, with a national node, a hub and a municipality on disk.
final class CLITrustTests: XCTestCase {
    private var nodes: [CLINode] = []

    override func tearDown() {
        nodes.forEach { $0.remove() }
        super.tearDown()
    }

    private func node() -> CLINode {
        let node = CLINode.temporary()
        nodes.append(node)
        return node
    }

    /// A hub certified by a fresh root, and Vlissingen certified by the hub.
    private func hubAndTown() throws -> (hub: CLINode, town: CLINode, townID: String) {
        let hub = node()
        try hub.initialize(name: "Provincie Zeeland", role: "province", scope: "PV29")
        let town = node()
        let townID = try XCTUnwrap(try town.run("init", "--name", "Gemeente Vlissingen", "--role", "municipality", "--scope", "GM0718",
                                                 "--realm", "maex-test", "--root", try hub.rootID()).lines.last)
        let bundle = hub.folder.appendingPathExtension("cert").path
        try hub.run("trust", "grant", "--node", townID, "--role", "municipality", "--scope", "GM0718", "--out", bundle).assertSuccess()
        let imported = try town.run("trust", "import", bundle)
        imported.assertSuccess()
        XCTAssertEqual(imported.stdout, "stored 2 change sets, 0 already held, 0 waiting for others\n", "the root's and the hub's certificates")
        return (hub, town, townID)
    }

    func testGrantImportListAndAnUncertifiedNodeCannotEdit() throws {
        let (hub, town, townID) = try hubAndTown()
        let list = try town.run("trust", "list", "--json").json()
        let certificates = try XCTUnwrap(list.objectValue?["certificates"]?.arrayValue?.compactMap(\.objectValue))
        XCTAssertEqual(certificates.map { $0["node"] }.contains(.string(townID)), true)
        XCTAssertEqual(list.objectValue?["root"], .string(try hub.rootID()))
        XCTAssertFalse(try town.add("Repair Café").isEmpty)

        let stranger = node()
        let strangerID = try XCTUnwrap(try stranger.run("init", "--name", "Gemeente Tholen", "--role", "municipality", "--scope", "GM0716",
                                                       "--realm", "maex-test", "--root", try hub.rootID()).lines.last)
        let before = try stranger.state()
        XCTAssertRefused(try stranger.run("initiative", "add", "--name", "X", "--municipality", "GM0716"), status: 1, mentions: "holds no certificate yet")
        XCTAssertEqual(try stranger.state(), before)
        // A municipality node cannot certify anyone: refused, and nothing enters its log.
        XCTAssertRefused(try town.run("trust", "grant", "--node", strangerID, "--role", "municipality", "--scope", "GM0716"),
                         status: 1, mentions: "only the root certifies")
        XCTAssertRefused(try hub.run("trust", "grant", "--node", strangerID, "--role", "municipality", "--scope", "GM9999"),
                         status: 1, mentions: "no authority over GM9999")
        XCTAssertRefused(try hub.run("trust", "grant", "--node", "abc", "--role", "municipality", "--scope", "GM0716"), status: 2, mentions: "--node")
    }

    func testRevokedNodeIsListedAndItsLaterEditsAreRetractedOnImport() throws {
        let (hub, town, townID) = try hubAndTown()
        try hub.run("trust", "revoke", "--node", townID, "--from-seq", "1").assertSuccess()
        let lines = try hub.run("trust", "list").lines
        XCTAssertTrue(lines.contains { $0.hasPrefix("revoke \(townID) from 1") }, "\(lines)")
        XCTAssertRefused(try hub.run("trust", "revoke", "--node", townID, "--from-seq", "0"), status: 2, mentions: "--from-seq")
        XCTAssertNotNil(town)
    }

    func testRotationMovesTheNodeToANewKey() throws {
        let (hub, town, oldID) = try hubAndTown()
        let first = try town.add("Repair Café")
        let request = town.folder.appendingPathExtension("request.json").path
        let prepared = try town.run("trust", "rotate", "--prepare", "--out", request)
        prepared.assertSuccess()
        let newID = try XCTUnwrap(prepared.lines.last)
        XCTAssertNotEqual(newID, oldID)
        XCTAssertRefused(try town.run("initiative", "add", "--name", "Tussendoor", "--municipality", "GM0718"), status: 1, mentions: "rotation is prepared")
        XCTAssertRefused(try town.run("trust", "rotate", "--activate"), status: 1, mentions: "no countersigned rotation")

        let bundle = town.folder.appendingPathExtension("rotation.cert").path
        try hub.run("trust", "rotate", "--request", request, "--out", bundle).assertSuccess()
        let activated = try town.run("trust", "rotate", "--activate", "--bundle", bundle)
        activated.assertSuccess()
        XCTAssertEqual(activated.lines.last, newID)
        XCTAssertEqual(try town.run("id").lines, [newID])
        let second = try town.add("Zwerfafvalteam")
        let list = try town.run("initiative", "list", "--json").json().arrayValue?.compactMap { $0.objectValue?["id"]?.stringValue } ?? []
        XCTAssertEqual(Set(list), [first, second], "the old key's change sets before the rotation still count")
        XCTAssertEqual(try town.run("verify").status, 0)
        let keyMode = try FileManager.default.attributesOfItem(atPath: town.folder.appendingPathComponent("node.key").path)[.posixPermissions] as? NSNumber
        XCTAssertEqual(keyMode?.intValue, 0o600)
    }
}
