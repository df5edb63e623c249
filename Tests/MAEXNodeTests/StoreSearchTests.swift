import Foundation
import GRDB
import Logging
import MAEXCore
import MAEXStore
import XCTest

@testable import MAEXNode

/// The store's search indexes (FTS5 and `register_value`), kept in step by triggers.
final class StoreSearchTests: XCTestCase {
    private func names(_ node: PagesTestNode, _ search: InitiativeSearch) throws -> [String] {
        let byID = Dictionary(uniqueKeysWithValues: node.ids.map { ($0.value, $0.key) })
        return try node.node.store.searchInitiatives(search).compactMap { byID[$0] }.sorted()
    }

    func testFullTextAndFiltersUseTheIndexes() throws {
        let node = try PagesTestNode()
        defer { node.remove() }
        XCTAssertEqual(try names(node, InitiativeSearch(text: "repar")), ["repair"], "a word prefix")
        XCTAssertEqual(try names(node, InitiativeSearch(text: "KOFFIE")), ["repair"], "the description, any case")
        XCTAssertEqual(try names(node, InitiativeSearch(text: "zonnecooperatie")), ["solar"], "diacritics ignored")
        XCTAssertEqual(try names(node, InitiativeSearch(text: "armoede")), ["food"], "themes")
        XCTAssertEqual(try names(node, InitiativeSearch(text: "repair vlissingen")), ["repair"], "every word")
        XCTAssertEqual(try names(node, InitiativeSearch(text: "repair middelburg")), [])
        XCTAssertEqual(try names(node, InitiativeSearch(text: "\"*)(")), [], "no word: nothing, no SQL error")
        XCTAssertEqual(try names(node, InitiativeSearch(municipalities: ["GM0718"])), ["food", "repair"])
        XCTAssertEqual(try names(node, InitiativeSearch(sdg: 13)), ["solar"])
        XCTAssertEqual(try names(node, InitiativeSearch(theme: "afval")), ["repair"])
        XCTAssertEqual(try names(node, InitiativeSearch(phase: "volwassen")), ["food"])
        XCTAssertEqual(try names(node, InitiativeSearch(needKind: "geld", today: "2026-06-01")), ["food"])
        XCTAssertEqual(try names(node, InitiativeSearch(needKind: "kennis", today: "2026-06-01")), [])
        XCTAssertEqual(try names(node, InitiativeSearch(socialReturn: true)), ["repair"])
        XCTAssertEqual(try names(node, InitiativeSearch(municipalities: ["GM0687"], sdg: 12)), [])
    }

    func testIndexesFollowEditsDeletesAndRebuild() throws {
        let node = try PagesTestNode()
        defer { node.remove() }
        let store = node.node.store
        let repair = RecordKey(type: "initiative", id: try XCTUnwrap(node.ids["repair"]))
        try node.author.update(repair, ["name": .string("Reparatiewerkplaats Souburg"), "sdgs": .array([.int(4)])])
        XCTAssertEqual(try names(node, InitiativeSearch(text: "souburg")), ["repair"])
        XCTAssertEqual(try names(node, InitiativeSearch(text: "café")), [], "the old name is gone")
        XCTAssertEqual(try names(node, InitiativeSearch(sdg: 12)), [], "the old SDGs are gone")
        XCTAssertEqual(try names(node, InitiativeSearch(sdg: 4)), ["repair"])
        try node.author.delete(RecordKey(type: "initiative", id: try XCTUnwrap(node.ids["food"])))
        XCTAssertEqual(try names(node, InitiativeSearch(text: "voedselbank")), [])
        let before = try [InitiativeSearch(text: "souburg"), InitiativeSearch(sdg: 13), InitiativeSearch(socialReturn: true)].map {
            try names(node, $0)
        }
        try store.rebuild()
        let after = try [InitiativeSearch(text: "souburg"), InitiativeSearch(sdg: 13), InitiativeSearch(socialReturn: true)].map {
            try names(node, $0)
        }
        XCTAssertEqual(after, before)
        XCTAssertEqual(after, [["repair"], ["solar"], ["repair"]])
        XCTAssertEqual(try store.verify(), [])
        let rows = try DatabaseQueue(path: store.path).read { db in
            (try Int.fetchOne(db, sql: "SELECT count(*) FROM search_dirty"),
             try Int.fetchOne(db, sql: "SELECT count(*) FROM initiative_text"),
             try Int.fetchOne(db, sql: "SELECT count(*) FROM record WHERE type = 'initiative' AND deleted_seq IS NULL"))
        }
        XCTAssertEqual(rows.0, 0, "a search leaves no work behind")
        XCTAssertEqual(rows.1, rows.2, "one text row per live initiative, none for the deleted one")
    }
}

extension StoreSearchTests {
    /// A store made before migration v3 gets the indexes filled from its register.
    func testMigrationFillsTheIndexesOfAnExistingStore() throws {
        let node = try PagesTestNode()
        defer { node.remove() }
        let path = node.node.store.path
        let queue = try DatabaseQueue(path: path)
        try queue.write { db in
            try db.execute(sql: """
                DROP TRIGGER search_full_after_rederive;
                DROP TABLE register_value; DROP TABLE initiative_text; DROP TABLE search_dirty; DROP TABLE search_state;
                DELETE FROM grdb_migrations WHERE identifier LIKE 'v3:%';
                """)
        }
        try queue.close()
        let reopened = try NodeStore(path: path, realm: ServerTestNode.realm, logger: Logger(label: "test.migration"))
        let byID = Dictionary(uniqueKeysWithValues: node.ids.map { ($0.value, $0.key) })
        XCTAssertEqual(try reopened.searchInitiatives(InitiativeSearch(text: "koffie")).compactMap { byID[$0] }, ["repair"])
        XCTAssertEqual(try reopened.searchInitiatives(InitiativeSearch(socialReturn: true)).compactMap { byID[$0] }, ["repair"])
        XCTAssertEqual(try reopened.searchInitiatives(InitiativeSearch(sdg: 7)).compactMap { byID[$0] }, ["solar"])
    }
}
