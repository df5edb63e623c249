import Foundation
import XCTest

/// Bad input gets one error line, exit code 1 (refused) or 2 (usage), and changes nothing.
final class CLIBadInputTests: XCTestCase {
    private var node = CLINode.temporary()
    private var id = ""

    override func setUpWithError() throws {
        node = CLINode.temporary()
        try node.initialize(scope: "GM0718")
        id = try node.add("Repair Café")
    }

    override func tearDown() {
        node.remove()
        super.tearDown()
    }

    /// Runs `arguments` on the node and checks the refusal and that digest and log are unchanged.
    private func assertRefused(_ arguments: [String], status: Int32, mentions: String, line: UInt = #line) throws {
        let before = try node.state()
        let result = try CLI.run(arguments + ["--data", node.folder.path])
        XCTAssertRefused(result, status: status, mentions: mentions, line: line)
        XCTAssertEqual(try node.state(), before, "\(arguments) changed the node", line: line)
    }

    func testUnknownField() throws {
        try assertRefused(["initiative", "set", id, "colour", "rood"], status: 1, mentions: "onbekend veld \"colour\"")
        try assertRefused(["initiative", "add", "--name", "X", "--municipality", "GM0718", "--field", "colour=rood"], status: 1, mentions: "colour")
    }

    func testInvalidValues() throws {
        try assertRefused(["initiative", "add", "--name", "X", "--municipality", "Vlissingen"], status: 1, mentions: "municipality: verwacht een CBS-gemeentecode")
        try assertRefused(["initiative", "set", id, "municipality", "GM71"], status: 1, mentions: "municipality")
        try assertRefused(["initiative", "set", id, "volunteers", "veel"], status: 1, mentions: "volunteers: verwacht een geheel getal")
        try assertRefused(["initiative", "set", id, "sdgs", "3,18"], status: 1, mentions: "sdgs")
        try assertRefused(["initiative", "add", "--name", "X", "--municipality", "GM0718", "--sdg", "0"], status: 1, mentions: "sdgs")
    }

    func testMunicipalityOutsideTheScopeOfAMunicipalityNode() throws {
        try assertRefused(
            ["initiative", "add", "--name", "Dorpstuin", "--municipality", "GM0716"], status: 1,
            mentions: "municipality: gemeente GM0716 valt buiten het werkgebied van deze node: Vlissingen (GM0718)")
        try assertRefused(["initiative", "set", id, "municipality", "GM0716"], status: 1, mentions: "valt buiten het werkgebied")
    }

    func testMissingOrEmptyName() throws {
        try assertRefused(["initiative", "add", "--municipality", "GM0718"], status: 2, mentions: "--name")
        try assertRefused(["initiative", "add", "--name", "", "--municipality", "GM0718"], status: 1, mentions: "name: verplicht veld ontbreekt")
        try assertRefused(["initiative", "set", id, "name", ""], status: 1, mentions: "name: verplicht veld ontbreekt")
    }

    func testUnknownOrInvalidID() throws {
        let unknown = "00000000-0000-4000-8000-000000000000"
        try assertRefused(["initiative", "set", unknown, "name", "X"], status: 1, mentions: "geen initiatief met id \(unknown)")
        try assertRefused(["initiative", "delete", unknown], status: 1, mentions: "geen initiatief met id")
        try assertRefused(["initiative", "show", unknown], status: 1, mentions: "no initiative with id")
        try assertRefused(["initiative", "show", "repair-cafe"], status: 1, mentions: "is not a record id")
    }

    func testUsageErrors() throws {
        try assertRefused(["initiative", "set", id, "name"], status: 2, mentions: "value")
        try assertRefused(["initiative", "show", id, "--colour"], status: 2, mentions: "--colour")
        XCTAssertRefused(try CLI.run(["initiative", "frobnicate"]), status: 2, mentions: "frobnicate")
        try assertRefused(["log", "--limit", "0"], status: 2, mentions: "--limit")
        try assertRefused(["initiative", "add", "--name", "X", "--municipality", "GM0718", "--field", "volunteers"], status: 2, mentions: "NAME=VALUE")
    }
}
