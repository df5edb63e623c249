import Foundation
import Hummingbird
import HummingbirdTesting
import MAEXCore
import MAEXStore
import MAEXWire
import XCTest

@testable import MAEXNode

final class ServerInitiativesTests: XCTestCase {
    /// Five initiatives in three municipalities (two in Zeeland), one deleted.
    private func seededNode() throws -> (ServerTestNode, TestAuthor) {
        let node = try ServerTestNode()
        let author = TestAuthor()
        let changeSets = [
            author.create(
                initiativeID(1), initiativeFields("Repair Café Vlissingen", sdgs: [11, 12], description: "Samen spullen repareren")),
            author.create(initiativeID(2), initiativeFields("Voedselbank Tholen", municipality: "GM0716", sdgs: [1, 2])),
            author.create(initiativeID(3), initiativeFields("Zeeuwse Zonnecoöperatie", sdgs: [7, 13], description: "Energie van het dak")),
            author.create(initiativeID(4), initiativeFields("Moestuin Breda", municipality: "GM0758", sdgs: [2, 12])),
            author.create(initiativeID(5), initiativeFields("Opgeheven Club", sdgs: [12])),
            author.delete(initiativeID(5)),
        ]
        _ = try node.store.receive(changeSets, nowMilliseconds: ServerTestNode.now)
        return (node, author)
    }

    private static func list(_ client: some TestClientProtocol, _ query: String) async throws -> InitiativeList {
        let response = try await client.execute(uri: "/v1/initiatives\(query)", method: .get)
        XCTAssertEqual(response.status, .ok, query)
        return try response.decoded(InitiativeList.self)
    }

    func testListReturnsLiveInitiativesInIDOrderWithTheirFields() async throws {
        let (node, _) = try seededNode()
        defer { node.remove() }
        try await node.app().test(.router) { client in
            let all = try await Self.list(client, "")
            XCTAssertEqual(all.total, 4, "the deleted initiative is not listed")
            XCTAssertEqual(all.initiatives.map(\.id), [1, 2, 3, 4].map(initiativeID))
            XCTAssertEqual(
                all.initiatives.first,
                WireInitiative(
                    id: initiativeID(1),
                    fields: [
                        "name": WireJSON(.string("Repair Café Vlissingen")), "municipality": WireJSON(.string("GM0718")),
                        "sdgs": WireJSON(.array([.int(11), .int(12)])), "description": WireJSON(.string("Samen spullen repareren")),
                    ],
                    conflicts: []))
        }
    }

    func testListFilters() async throws {
        let (node, _) = try seededNode()
        defer { node.remove() }
        try await node.app().test(.router) { client in
            let cases: [(String, [Int])] = [
                ("?municipality=GM0718", [1, 3]),
                ("?municipality=GM0716", [2]),
                ("?province=PV29", [1, 2, 3]),
                ("?province=PV29&municipality=GM0758", []),
                ("?sdg=12", [1, 4]),
                ("?sdg=12&province=PV29", [1]),
                ("?q=repareren", [1]),
                ("?q=ZONNECOOPERATIE", [3]),
                ("?q=voedsel+bank", []),
                ("?q=voedselbank%20tholen", [2]),
                ("?q=club", []),
                ("?q=repa", [1]),
                ("?q=ENERGIE+dak", [3]),
                ("?q=pareren", []),  // words match from their start (FTS5 prefix), not inside
                ("?q=%21%3F", []),
                ("?q=tholen&sdg=2&municipality=GM0716", [2]),
            ]
            for (query, expected) in cases {
                let answer = try await Self.list(client, query)
                XCTAssertEqual(answer.initiatives.map(\.id), expected.map(initiativeID), query)
                XCTAssertEqual(answer.total, expected.count, query)
            }
        }
    }

    func testListFiltersByThemePhaseOpenNeedAndSocialReturn() async throws {
        let (node, author) = try seededNode()
        defer { node.remove() }
        func sub(_ type: String, _ id: Int, of parent: Int, _ fields: [String: JSONValue]) -> SignedChangeSet {
            let key = RecordKey(type: type, id: initiativeID(100 + id))
            let all = fields.merging(["initiative": .string(initiativeID(parent)), "municipality": .string("GM0718")]) { $1 }
            return author.next(all.sorted { $0.key < $1.key }.map { .set(SetOperation(record: key, field: $0.key, value: $0.value)) })
        }
        let changeSets = [
            author.set(initiativeID(1), "themes", .array([.string("afval"), .string("repareren")])),
            author.set(initiativeID(1), "phase", .string("groei")),
            author.set(initiativeID(3), "phase", .string("start")),
            sub("need", 1, of: 1, ["kind": .string("vrijwilligers"), "description": .string("Handige mensen"), "status": .string("open")]),
            sub("need", 2, of: 3, ["kind": .string("vrijwilligers"), "description": .string("Klussers"), "status": .string("vervuld")]),
            sub("offer", 3, of: 3, ["kind": .string("dienst"), "name": .string("Dakscan"), "social_return": .bool(true)]),
            sub("offer", 4, of: 1, ["kind": .string("dienst"), "name": .string("Cursus"), "social_return": .bool(false)]),
        ]
        let stored = try node.store.receive(changeSets, nowMilliseconds: ServerTestNode.now)
        XCTAssertEqual(stored, Array(repeating: .stored, count: changeSets.count))
        try await node.app().test(.router) { client in
            let cases: [(String, [Int])] = [
                ("?theme=afval", [1]),
                ("?theme=groen", []),
                ("?phase=groei", [1]),
                ("?phase=start&municipality=GM0718", [3]),
                ("?need=vrijwilligers", [1]),
                ("?need=geld", []),
                ("?social_return=true", [3]),
                ("?social_return=false", [1, 2, 3, 4]),
                ("?theme=repareren&q=spullen&sdg=11", [1]),
            ]
            for (query, expected) in cases {
                let answer = try await Self.list(client, query)
                XCTAssertEqual(answer.initiatives.map(\.id), expected.map(initiativeID), query)
                XCTAssertEqual(answer.total, expected.count, query)
            }
        }
    }

    func testListPages() async throws {
        let (node, _) = try seededNode()
        defer { node.remove() }
        try await node.app().test(.router) { client in
            let first = try await Self.list(client, "?limit=3")
            XCTAssertEqual(first.initiatives.map(\.id), [1, 2, 3].map(initiativeID))
            XCTAssertEqual([first.total, first.offset, first.limit], [4, 0, 3])
            let second = try await Self.list(client, "?limit=3&offset=3")
            XCTAssertEqual(second.initiatives.map(\.id), [initiativeID(4)])
            let beyond = try await Self.list(client, "?offset=10")
            XCTAssertEqual(beyond.initiatives, [])
            XCTAssertEqual(beyond.total, 4)
        }
    }

    func testListRefusesInvalidFilters() async throws {
        let (node, _) = try seededNode()
        defer { node.remove() }
        let cases: [(String, String)] = [
            ("?municipality=Vlissingen", "invalid_parameter"),
            ("?province=GM0718", "invalid_parameter"),
            ("?province=PV99", "unknown_area"),
            ("?sdg=18", "invalid_parameter"),
            ("?sdg=x", "invalid_parameter"),
            ("?limit=0", "invalid_parameter"),
            ("?limit=1001", "invalid_parameter"),
            ("?offset=-1", "invalid_parameter"),
            ("?q=%ZZ", "invalid_parameter"),
            ("?q=" + String(repeating: "a", count: 201), "invalid_parameter"),
            ("?theme=Groen", "invalid_parameter"),
            ("?phase=klaar", "invalid_parameter"),
            ("?need=geluk", "invalid_parameter"),
            ("?social_return=1", "invalid_parameter"),
        ]
        try await node.app().test(.router) { client in
            for (query, code) in cases {
                let response = try await client.execute(uri: "/v1/initiatives\(query)", method: .get)
                XCTAssertEqual(response.status, .badRequest, query)
                XCTAssertEqual(try response.errorCode(), code, query)
            }
        }
    }

    func testShowAnswersTheInitiativeOr404Or410Or400() async throws {
        let (node, author) = try seededNode()
        defer { node.remove() }
        try await node.app().test(.router) { client in
            let shown = try await client.execute(uri: "/v1/initiatives/\(initiativeID(2))", method: .get)
            XCTAssertEqual(shown.status, .ok)
            let initiative = try shown.decoded(WireInitiative.self)
            XCTAssertEqual(initiative.id, initiativeID(2))
            XCTAssertEqual(initiative.fields["name"], WireJSON(.string("Voedselbank Tholen")))
            XCTAssertEqual(initiative.fields["sdgs"], WireJSON(.array([.int(1), .int(2)])))

            let unknown = try await client.execute(uri: "/v1/initiatives/\(initiativeID(99))", method: .get)
            XCTAssertEqual(unknown.status, .notFound)
            XCTAssertEqual(try unknown.errorCode(), "not_found")

            let deleted = try await client.execute(uri: "/v1/initiatives/\(initiativeID(5))", method: .get)
            XCTAssertEqual(deleted.status, .gone)
            XCTAssertEqual(try deleted.errorCode(), "gone")
            XCTAssertTrue(try deleted.decoded(ErrorBody.self).error.message.contains(author.id.hex))

            for bad in ["not-a-uuid", initiativeID(0xabc).uppercased(), "%00", String(repeating: "a", count: 500)] {
                let response = try await client.execute(uri: "/v1/initiatives/\(bad)", method: .get)
                XCTAssertEqual(response.status, .badRequest, bad)
                XCTAssertEqual(try response.errorCode(), "invalid_id", bad)
            }
        }
    }

    /// Two authors write the same field concurrently: the initiative and /v1/conflicts show
    /// the winner (later clock) and keep the loser visible.
    func testConcurrentWritesAreShownAsConflicts() async throws {
        let node = try ServerTestNode()
        defer { node.remove() }
        let hub = TestAuthor(start: 1_780_000_000_000)
        let vlissingen = TestAuthor(start: 1_780_000_000_100)
        let created = hub.create(initiativeID(1), initiativeFields("Repair Café"))
        let hubEdit = hub.set(initiativeID(1), "name", .string("Repair Café Zeeland"), pred: [created.changeSet.ref])
        let cityEdit = vlissingen.set(
            initiativeID(1), "name", .string("Repair Café Vlissingen"), pred: [created.changeSet.ref], deps: [hub.id: 1])
        _ = try node.store.receive([created, hubEdit, cityEdit], nowMilliseconds: ServerTestNode.now)

        let winner = WireWrite(
            by: vlissingen.id.hex, seq: 1, hlc: [1_780_000_000_101, 0], value: WireJSON(.string("Repair Café Vlissingen")))
        let loser = WireWrite(by: hub.id.hex, seq: 2, hlc: [1_780_000_000_002, 0], value: WireJSON(.string("Repair Café Zeeland")))
        try await node.app().test(.router) { client in
            let conflicts = try await client.execute(uri: "/v1/conflicts", method: .get).decoded(ConflictsResponse.self)
            XCTAssertEqual(
                conflicts.conflicts,
                [WireConflict(type: "initiative", id: initiativeID(1), field: "name", winner: winner, losers: [loser])])

            let shown = try await client.execute(uri: "/v1/initiatives/\(initiativeID(1))", method: .get).decoded(WireInitiative.self)
            XCTAssertEqual(shown.fields["name"], WireJSON(.string("Repair Café Vlissingen")))
            XCTAssertEqual(shown.conflicts, [WireConflict(type: nil, id: nil, field: "name", winner: winner, losers: [loser])])
        }
    }
}
