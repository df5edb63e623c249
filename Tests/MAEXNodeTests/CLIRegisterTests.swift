import Foundation
import Logging
import MAEXCore
import MAEXStore
import XCTest

@testable import MAEXNode

/// `maex-node admin token` and the sub-record commands, end to end.
final class CLIRegisterTests: XCTestCase {
    private var node = CLINode.temporary()

    override func setUpWithError() throws {
        node = CLINode.temporary()
        try node.initialize()
    }

    override func tearDown() {
        node.remove()
        super.tearDown()
    }

    func testAdminTokenIsPrintedAndRecreatedForOldFolders() throws {
        let first = try node.run("admin", "token")
        XCTAssertEqual(first.status, 0, first.stderr)
        let token = try XCTUnwrap(first.lines.last)
        XCTAssertEqual(token.count, 64)
        XCTAssertEqual(try AdminToken.read(in: node.folder), token)
        try FileManager.default.removeItem(atPath: AdminToken.path(in: node.folder))
        let again = try node.run("admin", "token")
        XCTAssertEqual(again.status, 0, again.stderr)
        XCTAssertNotEqual(again.lines.last, token, "a folder without a token gets a new one")
    }

    func testSubRecordCommandsAndImport() throws {
        let id = try node.add("Repair Café Vlissingen")
        let line = try node.run("initiative", "contribute", id, "--activity", "repair-item", "--quantity", "412", "--year", "2025")
        XCTAssertEqual(line.status, 0, line.stderr)
        let need = try node.run("initiative", "need", id, "--kind", "geld", "--description", "Koelcel")
        XCTAssertEqual(need.status, 1, "a need for money names an amount")
        XCTAssertTrue(need.stderr.contains("amount_cents: een geldbehoefte noemt een bedrag groter dan nul"), need.stderr)
        XCTAssertEqual(try node.run("initiative", "need", id, "--kind", "geld", "--description", "Koelcel", "--amount-cents", "150000").status, 0)
        XCTAssertEqual(try node.run("initiative", "offer", id, "--kind", "dienst", "--name", "Workshop", "--social-return").status, 0)
        XCTAssertEqual(try node.run("initiative", "partner", id, "--organisation", "Gemeente Vlissingen", "--role", "mogelijkmaker").status, 0)
        let file = node.folder.appendingPathComponent("import.json")
        try Data(#"[{"name": "Taalcafé", "municipality": "GM0718", "contributions": [{"activity": "language-lesson", "quantity": 40, "year": 2025}]}, {"name": "", "municipality": "GM0718"}]"#.utf8).write(to: file)
        let refused = try node.run("initiative", "import", file.path)
        XCTAssertEqual(refused.status, 1)
        XCTAssertTrue(refused.stderr.contains("[1].name"), refused.stderr)
        try Data(#"{"name": "Taalcafé", "municipality": "GM0718", "contributions": [{"activity": "language-lesson", "quantity": 40, "year": 2025}]}"#.utf8).write(to: file)
        XCTAssertEqual(try node.run("initiative", "import", file.path).status, 0)
        let directory = try NodeDirectory.open(at: node.folder)
        let store = try directory.openStore(logger: Logger(label: "test"))
        XCTAssertEqual(try store.records(type: "contribution").count, 2)
        XCTAssertEqual(try store.records(type: "contribution").first { $0.state.value(of: "activity") == .string("repair-item") }?
            .state.value(of: "total_cents"), .int(412 * 2_500))
        XCTAssertEqual(try store.records(type: "need").count, 1)
        XCTAssertEqual(try store.records(type: "offer").first?.state.value(of: "social_return"), .bool(true))
        XCTAssertEqual(try store.records(type: "partner").count, 1)
        XCTAssertEqual(try store.records(type: "initiative").count, 2, "the refused import stored nothing")
    }
}
