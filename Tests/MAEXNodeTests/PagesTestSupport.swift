import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import MAEXCore
import MAEXStore
import XCTest

@testable import MAEXNode

/// A served node seeded with a small Zeeland register through `LocalAuthor`, for page tests.
struct PagesTestNode {
    let node: ServerTestNode
    let author: LocalAuthor
    var ids: [String: String] = [:]

    /// A node of `role`/`scope`, seeded with three initiatives in Vlissingen and Middelburg.
    init(role: NodeRole = .municipality, scope: [String] = ["GM0718"]) throws {
        node = try ServerTestNode(name: role == .municipality ? "Gemeente Vlissingen" : "Provincie Zeeland", role: role, scope: scope)
        author = LocalAuthor(
            store: node.store, key: SigningKey(), realm: ServerTestNode.realm, municipalities: nil, lock: nil,
            wallClock: { ServerTestNode.now - 50_000 }, logger: Logger(label: "test.pages"))
        try seed()
    }

    private mutating func seed() throws {
        ids["repair"] = try add("initiative", [
            "name": .string("Repair Café Vlissingen"), "municipality": .string("GM0718"), "sdgs": .array([.int(11), .int(12)]),
            "themes": .array([.string("afval"), .string("repareren")]), "phase": .string("groei"), "publication_consent": .bool(true),
            "description": .string("Samen repareren <script>alert(1)</script> & koffie"), "last_verified": .string("2026-01-10"),
            "website": .string("https://repaircafe.example/vlissingen"),
        ])
        ids["food"] = try add("initiative", [
            "name": .string("Voedselbank Walcheren"), "municipality": .string("GM0718"), "sdgs": .array([.int(1), .int(2)]),
            "themes": .array([.string("armoede")]), "phase": .string("volwassen"), "publication_consent": .bool(false),
            "last_verified": .string("2024-03-01"),
        ])
        ids["solar"] = try add("initiative", [
            "name": .string("Zonnecoöperatie Middelburg"), "municipality": .string("GM0687"), "sdgs": .array([.int(7), .int(13)]),
            "phase": .string("start"), "publication_consent": .bool(true), "last_verified": .string("2026-04-01"),
        ])
        try addContribution("repair", "GM0718", goal: 12, activity: "repair-item", quantity: 10, cents: 2_500)
        try addContribution("food", "GM0718", goal: 2, activity: "food-parcel", quantity: 100, cents: 4_000)
        try addContribution("solar", "GM0687", goal: 13, activity: "co2-avoided", quantity: 3, cents: 10_000)
        try add("need", parent("repair", "GM0718").merging([
            "kind": .string("vrijwilligers"), "description": .string("Handige reparateurs gezocht"), "status": .string("open"),
            "hours": .int(40), "skills": .array([.string("elektronica")]),
        ]) { $1 })
        try add("need", parent("food", "GM0718").merging([
            "kind": .string("geld"), "description": .string("Koelcel voor verse producten"), "status": .string("open"),
            "amount_cents": .int(150_000),
        ]) { $1 })
        try add("offer", parent("repair", "GM0718").merging([
            "kind": .string("dienst"), "name": .string("Reparatie op locatie"), "social_return": .bool(true), "price": .string("op aanvraag"),
        ]) { $1 })
        try add("partner", parent("repair", "GM0718").merging([
            "organisation": .string("Gemeente Vlissingen"), "role": .string("mogelijkmaker"), "from": .string("2024-01-01"),
        ]) { $1 })
    }

    private func parent(_ name: String, _ municipality: String) -> [String: JSONValue] {
        ["initiative": .string(ids[name] ?? ""), "municipality": .string(municipality)]
    }

    private func addContribution(_ name: String, _ municipality: String, goal: Int64, activity: String, quantity: Int64, cents: Int64) throws {
        try add("contribution", parent(name, municipality).merging([
            "goal": .int(goal), "activity": .string(activity), "indicator": .string(activity), "quantity": .int(quantity),
            "unit": .string("eenheid"), "value_per_unit_cents": .int(cents), "total_cents": .int(quantity * cents), "year": .int(2025),
            "kind": .string("gerealiseerd"), "method_version": .string("2026.1"),
        ]) { $1 })
    }

    /// Authors a new record after checking it with `RecordValidator`; returns its id.
    @discardableResult
    private func add(_ type: String, _ values: [String: JSONValue]) throws -> String {
        try RecordValidator.validateNew(type: type, values)
        let id = author.makeRecordID()
        try author.author(.create(RecordKey(type: type, id: id), values))
        return id
    }

    /// GETs `path` and returns status, content type and body.
    func get(_ path: String) async throws -> (status: HTTPResponse.Status, contentType: String?, body: String) {
        try await node.app().test(.router) { client in
            try await client.execute(uri: path, method: .get) { response in
                (response.status, response.headers[.contentType], String(buffer: response.body))
            }
        }
    }

    func remove() { node.remove() }
}

extension String {
    /// How often `needle` occurs.
    func occurrences(of needle: String) -> Int { components(separatedBy: needle).count - 1 }
}
