import Foundation
import Hummingbird
import Logging
import MAEXCore
import MAEXStore
import XCTest

@testable import MAEXNode

final class RegisterEditorTests: XCTestCase {
    func testMovingAnInitiativeMovesItsSubRecordsInTheSameChangeSet() throws {
        let node = try EditingTestNode(role: .province, scope: ["PV29"])
        defer { node.remove() }
        let editor = try XCTUnwrap(node.node.served.editor)
        let created = try editor.createInitiative(
            ["name": .string("Repair Café"), "municipality": .string("GM0718")],
            children: [.needs: [["kind": .string("kennis"), "description": .string("Advies")]]])
        let needID = try XCTUnwrap(created.created[.needs]?.first)
        let moved = try editor.updateInitiative(created.initiative, ["municipality": .string("GM0687")])
        XCTAssertEqual(moved.changeSet.changeSet.ops.count, 2, "the initiative and its need")
        XCTAssertEqual(try node.store.record(RecordKey(type: "need", id: needID))?.value(of: "municipality"), .string("GM0687"))
        XCTAssertEqual(try node.store.record(RecordKey(type: "need", id: needID))?.value(of: "status"), .string("open"), "default status")
        let confirmed = try editor.confirmInitiative(created.initiative, today: "2026-11-29")
        XCTAssertEqual(confirmed.changeSet.changeSet.seq, 3)
        XCTAssertEqual(try node.store.record(RecordKey(type: "initiative", id: created.initiative))?.value(of: "last_verified"), .string("2026-11-29"))
    }

    func testContributionTotalsFollowQuantity() throws {
        let node = try EditingTestNode()
        defer { node.remove() }
        let editor = try XCTUnwrap(node.node.served.editor)
        let created = try editor.createInitiative(["name": .string("Taalcafé"), "municipality": .string("GM0718")])
        let line = try editor.addSubRecord(
            .contributions, to: created.initiative, ["activity": .string("language-lesson"), "quantity": .int(10), "year": .int(2025)])
        let id = try XCTUnwrap(line.created[.contributions]?.first)
        _ = try editor.updateSubRecord(.contributions, of: created.initiative, id: id, ["quantity": .int(20)])
        XCTAssertEqual(try node.store.record(RecordKey(type: "contribution", id: id))?.value(of: "total_cents"), .int(20 * 3_500))
        XCTAssertThrowsError(try editor.updateSubRecord(.contributions, of: created.initiative, id: id, ["total_cents": .int(1)])) { error in
            guard case RegisterEditError.invalid(let problems) = error else { return XCTFail("\(error)") }
            XCTAssertEqual(problems.map(\.field), ["total_cents"])
        }
    }

    func testABatchTouchingOneRecordTwiceIsRefusedAndStoresNothing() throws {
        let node = try EditingTestNode()
        defer { node.remove() }
        let author = try XCTUnwrap(node.node.served.author)
        let key = RecordKey(type: "initiative", id: author.makeRecordID())
        let values: [String: JSONValue] = ["name": .string("Dubbel"), "municipality": .string("GM0718")]
        XCTAssertThrowsError(try author.author([.create(key, values), .update(key, ["phase": .string("plan")])]))
        XCTAssertEqual(try node.changeSetCount(), 0)
    }

    func testAreaPagesArePagedAndSearchedThroughTheIndexes() async throws {
        let node = try EditingTestNode()
        defer { node.remove() }
        let editor = try XCTUnwrap(node.node.served.editor)
        for index in 0..<60 {
            _ = try editor.createInitiative([
                "name": .string(String(format: "Initiatief %02d", index)), "municipality": .string("GM0718"),
                "themes": .array([.string(index.isMultiple(of: 2) ? "even" : "oneven")]),
            ])
        }
        let first = try await node.send(.get, "/gemeente/GM0718", headers: [:])
        XCTAssertTrue(first.body.contains("Pagina 1 van 2"))
        XCTAssertEqual(first.body.occurrences(of: "<li class=\"card\">"), 50)
        XCTAssertTrue(first.body.contains("Initiatief 49") && !first.body.contains("Initiatief 50"))
        let second = try await node.send(.get, "/gemeente/GM0718?pagina=2", headers: [:])
        XCTAssertEqual(second.body.occurrences(of: "<li class=\"card\">"), 10)
        XCTAssertTrue(second.body.contains("Initiatief 59"))
        let searched = try await node.send(.get, "/gemeente/GM0718?q=initiatief+07", headers: [:])
        XCTAssertTrue(searched.body.contains("1 van 60 initiatieven voldoen aan de filters."), searched.body)
        let themed = try await node.send(.get, "/gemeente/GM0718?thema=oneven&pagina=1", headers: [:])
        XCTAssertTrue(themed.body.contains("30 van 60 initiatieven"))
        _ = try editor.createInitiative(["name": .string("Nieuw na de cache"), "municipality": .string("GM0718")])
        let afterEdit = try await node.send(.get, "/gemeente/GM0718?q=cache", headers: [:])
        XCTAssertTrue(afterEdit.body.contains("Nieuw na de cache"), "the cached register is replaced after an edit")
    }
}
