import Foundation
import MAEXCore
import MAEXNode
import XCTest

/// The data folder layout behind the command line: `NodeDirectory` and `NodeInfo`.
final class CLINodeDirectoryTests: XCTestCase {
    private var folder = URL(fileURLWithPath: "/nonexistent")

    override func setUp() {
        super.setUp()
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("maex-dir-\(UUID().uuidString)")
    }

    override func tearDown() {
        try? FileManager.default.removeItem(at: folder)
        super.tearDown()
    }

    private func assertError(_ expected: NodeDirectoryError, line: UInt = #line, _ body: () throws -> some Any) {
        do {
            _ = try body()
            XCTFail("expected \(expected)", line: line)
        } catch let error as NodeDirectoryError {
            XCTAssertEqual(error, expected, line: line)
        } catch {
            XCTFail("expected \(expected), got \(error)", line: line)
        }
    }

    func testCreateThenOpenRoundTrips() throws {
        let key = SigningKey()
        let root = SigningKey().nodeID
        let created = try NodeDirectory.create(
            at: folder, name: "Provincie Zeeland", role: .province, scope: ["PV29", "PV29"], root: root,
            createdAt: Date(timeIntervalSince1970: 1_780_000_000), key: key)
        XCTAssertEqual(created.nodeID, key.nodeID)
        let opened = try NodeDirectory.open(at: folder)
        XCTAssertEqual(opened.info, created.info)
        XCTAssertEqual(opened.info.scope, ["PV29"])
        XCTAssertEqual(opened.info.realm, "maex-nl")
        XCTAssertEqual(opened.signingKey.nodeID, key.nodeID)
        XCTAssertEqual(opened.info.root, root)
        XCTAssertFalse(opened.info.isRoot)
        XCTAssertNil(opened.info.authoringMunicipalities)
        let json = try String(contentsOf: folder.appendingPathComponent("node.json"), encoding: .utf8)
        XCTAssertTrue(json.contains("\"created_at\" : \"2026-05-28T"), json)
        XCTAssertTrue(json.contains("\"node_id\" : \"\(key.nodeID.hex)\""), json)
        XCTAssertFalse(json.contains(Hex.encode(key.seed)))
        XCTAssertFalse("\(opened)".contains(Hex.encode(key.seed)), "a node directory never shows its secret")
    }

    func testScopeRulesPerRole() {
        XCTAssertTrue(NodeRole.municipality.isValidScopeCode("GM0718"))
        XCTAssertFalse(NodeRole.municipality.isValidScopeCode("GM718"))
        XCTAssertFalse(NodeRole.municipality.isValidScopeCode("PV29"))
        XCTAssertTrue(NodeRole.province.isValidScopeCode("PV29"))
        XCTAssertFalse(NodeRole.province.isValidScopeCode("GM0718"))
        XCTAssertTrue(NodeRole.national.isValidScopeCode("NL"))
        XCTAssertFalse(NodeRole.national.isValidScopeCode("nl"))
        XCTAssertTrue(NodeRole.fund.isValidScopeCode("impuls-zeeland"))
        XCTAssertFalse(NodeRole.fund.isValidScopeCode("Impuls Zeeland"))
        XCTAssertEqual(NodeInfo.scopeCodes(from: " GM0716, GM0718,,"), ["GM0716", "GM0718"])
    }

    func testCreateRefusesInvalidInformationBeforeTouchingTheDisk() {
        assertError(.invalidScope(code: "PV29", role: .municipality)) {
            try NodeDirectory.create(at: folder, name: "N", role: .municipality, scope: ["PV29"])
        }
        assertError(.emptyScope(role: .fund)) { try NodeDirectory.create(at: folder, name: "N", role: .fund, scope: []) }
        assertError(.invalidRealm("MAEX")) { try NodeDirectory.create(at: folder, name: "N", role: .national, scope: ["NL"], realm: "MAEX") }
        assertError(.invalidName("")) { try NodeDirectory.create(at: folder, name: "", role: .national, scope: ["NL"]) }
        assertError(.rootMismatch(role: .municipality)) {
            try NodeDirectory.create(at: folder, name: "N", role: .municipality, scope: ["GM0718"])
        }
        assertError(.rootMismatch(role: .national)) {
            try NodeDirectory.create(at: folder, name: "N", role: .national, scope: ["NL"], root: SigningKey().nodeID)
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder.path))
    }

    func testTheNationalNodeHoldsTheRoot() throws {
        let national = try NodeDirectory.create(at: folder, name: "MAEX", role: .national, scope: ["NL"])
        XCTAssertEqual(national.info.root, national.nodeID)
        XCTAssertTrue(try NodeDirectory.open(at: folder).info.isRoot)
    }

    func testCreateRefusesAnyRemainsOfANode() throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for file in ["node.key", "node.json", "maex.sqlite"] {
            let path = folder.appendingPathComponent(file).path
            _ = FileManager.default.createFile(atPath: path, contents: Data("keep".utf8))
            assertError(.alreadyANode(path: folder.path, file: file)) {
                try NodeDirectory.create(at: folder, name: "N", role: .national, scope: ["NL"])
            }
            XCTAssertEqual(FileManager.default.contents(atPath: path), Data("keep".utf8))
            try FileManager.default.removeItem(atPath: path)
        }
    }

    func testOpenFailsClearlyOnWhatIsNotANode() throws {
        assertError(.notANode(path: folder.path, reason: "it does not exist")) { try NodeDirectory.open(at: folder) }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        assertError(.notANode(path: folder.path, reason: "it has no node.json (create a node with `maex-node init`)")) {
            try NodeDirectory.open(at: folder)
        }
        let file = folder.appendingPathComponent("plain")
        _ = FileManager.default.createFile(atPath: file.path, contents: Data())
        assertError(.notANode(path: file.path, reason: "it is a file, not a folder")) { try NodeDirectory.open(at: file) }
    }

    func testOpenChecksTheKeyFile() throws {
        _ = try NodeDirectory.create(at: folder, name: "N", role: .national, scope: ["NL"])
        let keyPath = folder.appendingPathComponent("node.key").path
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: keyPath)
        assertError(.insecureKeyFile(path: keyPath, mode: 0o644)) { try NodeDirectory.open(at: folder) }

        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: keyPath)
        try Data((Hex.encode(SigningKey().seed) + "\n").utf8).write(to: URL(fileURLWithPath: keyPath))
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: keyPath)
        XCTAssertThrowsError(try NodeDirectory.open(at: folder)) { error in
            guard case .corruptKey(_, let reason)? = error as? NodeDirectoryError else { return XCTFail("\(error)") }
            XCTAssertTrue(reason.contains("does not belong to node"), reason)
        }

        try Data("not hex".utf8).write(to: URL(fileURLWithPath: keyPath))
        assertError(.corruptKey(path: keyPath, reason: "expected 64 lowercase hex characters")) { try NodeDirectory.open(at: folder) }
    }

    func testOpenRejectsADamagedNodeJSON() throws {
        _ = try NodeDirectory.create(at: folder, name: "N", role: .municipality, scope: ["GM0718"], root: SigningKey().nodeID)
        let infoURL = folder.appendingPathComponent("node.json")
        let original = try String(contentsOf: infoURL, encoding: .utf8)
        try original.replacingOccurrences(of: "\"GM0718\"", with: "\"GM718\"").write(to: infoURL, atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try NodeDirectory.open(at: folder)) { error in
            guard case .corruptInfo(_, let reason)? = error as? NodeDirectoryError else { return XCTFail("\(error)") }
            XCTAssertTrue(reason.contains("GM718"), reason)
        }
        try "{".write(to: infoURL, atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try NodeDirectory.open(at: folder)) { error in
            guard case .corruptInfo? = error as? NodeDirectoryError else { return XCTFail("\(error)") }
        }
    }

    func testMunicipalityNodesAuthorOnlyForTheirScope() throws {
        let node = try NodeDirectory.create(at: folder, name: "Tholen en Vlissingen", role: .municipality, scope: ["GM0718", "GM0716"], root: SigningKey().nodeID)
        XCTAssertEqual(node.info.authoringMunicipalities, ["GM0716", "GM0718"])
        XCTAssertEqual(node.info.scope, ["GM0716", "GM0718"])
    }
}
