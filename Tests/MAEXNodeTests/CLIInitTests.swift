import Foundation
import XCTest

/// `maex-node init` and `id`, end to end through the built executable.
final class CLIInitTests: XCTestCase {
    private var nodes: [CLINode] = []

    override func tearDown() {
        nodes.forEach { $0.remove() }
        super.tearDown()
    }

    private func makeNode() -> CLINode {
        let node = CLINode.temporary()
        nodes.append(node)
        return node
    }

    func testInitPrintsTheNodeIDAndWritesThePrivateKeyWithMode0600() throws {
        let node = makeNode()
        let root = try node.makeRoot()
        let result = try node.run("init", "--name", "Gemeente Vlissingen", "--role", "municipality", "--scope", "GM0718", "--root", root)
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(result.lines.count, 1)
        let id = try XCTUnwrap(result.lines.first)
        XCTAssertEqual(id.count, 64)
        XCTAssertTrue(id.allSatisfy { "0123456789abcdef".contains($0) })
        XCTAssertEqual(result.stderr, "")

        let keyPath = node.folder.appendingPathComponent("node.key").path
        let attributes = try FileManager.default.attributesOfItem(atPath: keyPath)
        XCTAssertEqual((attributes[.posixPermissions] as? NSNumber)?.intValue, 0o600)
        let seed = try String(contentsOfFile: keyPath, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
        XCTAssertEqual(seed.count, 64)
        XCTAssertTrue(FileManager.default.fileExists(atPath: node.folder.appendingPathComponent("maex.sqlite").path))

        let info = try String(contentsOf: node.folder.appendingPathComponent("node.json"), encoding: .utf8)
        XCTAssertTrue(info.contains(id))
        XCTAssertTrue(info.contains("\"GM0718\""))
        XCTAssertTrue(info.contains("\"maex-nl\""))
        XCTAssertTrue(info.contains("\"root\" : \"\(root)\""), info)
        XCTAssertFalse(info.contains(seed))

        let idResult = try node.run("id")
        XCTAssertEqual(idResult.status, 0, idResult.stderr)
        XCTAssertEqual(idResult.lines, [id])
        for output in [result.stdout, result.stderr, idResult.stdout, idResult.stderr] {
            XCTAssertFalse(output.contains(seed), "the secret key must never be printed")
        }
    }

    func testInitRefusesAnExistingNodeAndChangesNothing() throws {
        let node = makeNode()
        let id = try node.initialize()
        let keyBefore = try Data(contentsOf: node.folder.appendingPathComponent("node.key"))
        let infoBefore = try Data(contentsOf: node.folder.appendingPathComponent("node.json"))
        let result = try node.run("init", "--name", "Tweede", "--role", "province", "--scope", "PV29", "--root", try node.rootID())
        XCTAssertRefused(result, status: 1, mentions: "already holds a node")
        XCTAssertEqual(try Data(contentsOf: node.folder.appendingPathComponent("node.key")), keyBefore)
        XCTAssertEqual(try Data(contentsOf: node.folder.appendingPathComponent("node.json")), infoBefore)
        XCTAssertEqual(try node.run("id").lines, [id])
    }

    func testInitRejectsBadRolesScopesAndRealmsWithoutCreatingANode() throws {
        let cases: [([String], Int32, String)] = [
            (["--role", "gemeente", "--scope", "GM0718"], 2, "gemeente"),
            (["--role", "municipality", "--scope", "PV29"], 1, "invalid scope code \"PV29\""),
            (["--role", "province", "--scope", "GM0718"], 1, "invalid scope code \"GM0718\""),
            (["--role", "national", "--scope", "PV29"], 1, "expected the code NL"),
            (["--role", "municipality", "--scope", ","], 1, "at least one scope code"),
            (["--role", "municipality", "--scope", "GM0718", "--realm", "Maex NL"], 1, "invalid realm"),
            (["--role", "municipality"], 2, "--scope"),
        ]
        for (arguments, status, mention) in cases {
            let node = makeNode()
            let result = try CLI.run(["init", "--name", "N"] + arguments + ["--data", node.folder.path])
            XCTAssertRefused(result, status: status, mentions: mention)
            XCTAssertFalse(FileManager.default.fileExists(atPath: node.folder.appendingPathComponent("node.key").path), "\(arguments)")
        }
        let node = makeNode()
        let empty = try node.run("init", "--name", " ", "--role", "fund", "--scope", "impuls")
        XCTAssertRefused(empty, status: 1, mentions: "invalid node name")
    }

    func testANodeOtherThanTheNationalOneNeedsTheNetworksRoot() throws {
        let node = makeNode()
        XCTAssertRefused(
            try node.run("init", "--name", "V", "--role", "municipality", "--scope", "GM0718"), status: 1, mentions: "pass --root")
        XCTAssertRefused(
            try node.run("init", "--name", "V", "--role", "municipality", "--scope", "GM0718", "--root", "abc"), status: 2, mentions: "--root")
        let national = makeNode()
        let root = try national.makeRoot()
        XCTAssertRefused(
            try national.run("init", "--name", "N", "--role", "national", "--scope", "NL", "--root", root), status: 1,
            mentions: "creates the network's root key itself")
        XCTAssertFalse(FileManager.default.fileExists(atPath: node.folder.appendingPathComponent("node.key").path))
    }

    func testOtherRolesInitialise() throws {
        for (role, scope) in [("province", "PV29"), ("national", "NL"), ("fund", "impuls-zeeland"), ("municipality", "GM0716,GM0718")] {
            let node = makeNode()
            XCTAssertEqual(try node.initialize(name: "Node \(role)", role: role, scope: scope).count, 64)
        }
    }

    func testCommandsOnAFolderThatIsNotANodeFailClearly() throws {
        let missing = makeNode()
        XCTAssertRefused(try missing.run("id"), status: 1, mentions: "does not exist")
        XCTAssertFalse(FileManager.default.fileExists(atPath: missing.folder.path), "a failed command must not create the folder")

        let empty = makeNode()
        try FileManager.default.createDirectory(at: empty.folder, withIntermediateDirectories: true)
        for arguments in [["digest"], ["log"], ["initiative", "list"], ["initiative", "add", "--name", "X", "--municipality", "GM0718"], ["verify"]] {
            let result = try CLI.run(arguments + ["--data", empty.folder.path])
            XCTAssertRefused(result, status: 1, mentions: "is not a node folder")
        }
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: empty.folder.path), [])
    }

    func testEveryCommandExplainsItselfWithAnExample() throws {
        let commands: [[String]] = [
            [], ["init"], ["id"], ["initiative"], ["initiative", "add"], ["initiative", "set"], ["initiative", "delete"],
            ["initiative", "list"], ["initiative", "show"], ["log"], ["digest"], ["conflicts"], ["verify"], ["rebuild"],
        ]
        for command in commands {
            let result = try CLI.run(command + ["--help"])
            XCTAssertEqual(result.status, 0, "\(command): \(result.stderr)")
            XCTAssertTrue(result.stdout.contains("Example"), "\(command) --help lacks an example")
            if !command.isEmpty, command != ["initiative"] {
                XCTAssertTrue(result.stdout.contains("--data"), "\(command) --help lacks --data")
            }
        }
    }
}
