import Foundation
import Hummingbird
import HummingbirdTesting
import MAEXCore
import MAEXWire
import XCTest

@testable import MAEXNode

/// The HSDS 3.0 API: real answers of a node served on a socket validate against the official
/// HSDS schemas (Python `jsonschema`), and paging and filters select what they say.
final class OpenDataHSDSTests: XCTestCase {
    private static let info = "#/paths/~1/get/responses/200/content/application~1json/schema"
    private static let page = "#/components/schemas/Page"

    func testLiveAnswersValidateAgainstTheOfficialHSDSSchemas() async throws {
        let seeded = try OpenDataTestNode()
        defer { seeded.remove() }
        let paths = [
            "/hsds/", "/hsds/services?per_page=2", "/hsds/services?page=3&per_page=2", "/hsds/organizations", "/hsds/taxonomies",
            "/hsds/taxonomy_terms", "/hsds/services?search=nothingmatches",
        ]
        let documents: [String: JSONValue] = try await seeded.node.app().test(.live) { client in
            var documents: [String: JSONValue] = [:]
            for path in paths { documents[path] = try await Self.fetch(client, path) }
            let all = try await Self.fetch(client, "/hsds/services?per_page=100")
            for service in all["contents"]?.arrayValue ?? [] {
                let id = service["id"]?.stringValue ?? ""
                documents["/hsds/services/\(id)"] = try await Self.fetch(client, "/hsds/services/\(id)")
            }
            for organization in documents["/hsds/organizations"]?["contents"]?.arrayValue ?? [] {
                let id = organization["id"]?.stringValue ?? ""
                documents["/hsds/organizations/\(id)"] = try await Self.fetch(client, "/hsds/organizations/\(id)")
            }
            let term = OpenDataTaxonomy.sdgTermID(3)
            documents["/hsds/taxonomy_terms/\(term)"] = try await Self.fetch(client, "/hsds/taxonomy_terms/\(term)")
            let taxonomy = OpenDataTaxonomy.sdg.id
            documents["/hsds/taxonomies/\(taxonomy)"] = try await Self.fetch(client, "/hsds/taxonomies/\(taxonomy)")
            return documents
        }
        XCTAssertEqual(documents["/hsds/services?per_page=2"]?["contents"]?.arrayValue?.count, 2)
        XCTAssertEqual(documents.keys.filter { $0.hasPrefix("/hsds/services/") }.count, 5)
        var entries: [SchemaValidator.Entry] = []
        for (path, document) in documents.sorted(by: { $0.key < $1.key }) {
            entries += Self.entries(path: path, document: document)
        }
        XCTAssertEqual(entries.filter { $0.schema == "service.json" }.count, 2 + 1 + 5 + 5, "list items, details and nested services")
        // The validator is not vacuous: a service without status and with a bad id is refused.
        var broken = documents.first { $0.key.hasPrefix("/hsds/services/") }?.value.objectValue ?? [:]
        broken["status"] = nil
        broken["id"] = .string("not-a-uuid")
        entries.append(.init(name: "broken service", schema: "service.json", document: WireJSON(.object(broken)), expect: "invalid"))
        entries.append(.init(name: "broken page", schema: "openapi.json", pointer: Self.page, document: WireJSON(.object(["empty": .string("no")])), expect: "invalid"))
        let output = try SchemaValidator.validate(entries, folder: "hsds-3.0")
        XCTAssertEqual(output.split(separator: "\n").filter { $0.hasPrefix("ok ") }.count, entries.count, output)
    }

    /// What each answer is checked against: the info schema, the Page schema plus each item's
    /// HSDS schema, or the object's schema (and its nested services and organisation).
    private static func entries(path: String, document: JSONValue) -> [SchemaValidator.Entry] {
        let kind = path.dropFirst("/hsds/".count).split(separator: "?").first.map(String.init) ?? ""
        let parts = kind.split(separator: "/")
        let schema = [
            "services": "service.json", "organizations": "organization.json", "taxonomies": "taxonomy.json",
            "taxonomy_terms": "taxonomy_term.json",
        ]
        if kind.isEmpty { return [.init(name: path, schema: "openapi.json", pointer: info, document: WireJSON(document))] }
        guard let first = parts.first.map(String.init), let itemSchema = schema[first] else { return [] }
        if parts.count == 1 {
            let items = document["contents"]?.arrayValue ?? []
            return [.init(name: path, schema: "openapi.json", pointer: page, document: WireJSON(document))]
                + items.enumerated().map { .init(name: "\(path) #\($0.offset)", schema: itemSchema, document: WireJSON($0.element)) }
        }
        var result: [SchemaValidator.Entry] = [.init(name: path, schema: itemSchema, document: WireJSON(document))]
        for (index, service) in (document["services"]?.arrayValue ?? []).enumerated() {
            result.append(.init(name: "\(path) services #\(index)", schema: "service.json", document: WireJSON(service)))
        }
        if let organization = document["organization"] {
            result.append(.init(name: "\(path) organization", schema: "organization.json", document: WireJSON(organization)))
        }
        return result
    }

    private static func fetch(_ client: some TestClientProtocol, _ path: String) async throws -> JSONValue {
        try await client.execute(uri: path, method: .get) { response in
            XCTAssertEqual(response.status, .ok, path)
            XCTAssertEqual(response.headers[.contentType], "application/json; charset=utf-8", path)
            return try JSONDecoder().decode(WireJSON.self, from: Data(response.body.readableBytesView)).value
        }
    }

    func testPagingReportsTotalsAndPagesAsHSDSSpecifies() async throws {
        let seeded = try OpenDataTestNode()
        defer { seeded.remove() }
        let first = try await seeded.json("/hsds/services?per_page=2")
        XCTAssertEqual(first["total_items"], .int(5))
        XCTAssertEqual(first["total_pages"], .int(3))
        XCTAssertEqual(first["page_number"], .int(1))
        XCTAssertEqual(first["size"], .int(2))
        XCTAssertEqual(first["first_page"], .bool(true))
        XCTAssertEqual(first["last_page"], .bool(false))
        XCTAssertEqual(first["empty"], .bool(false))
        let last = try await seeded.json("/hsds/services?page=3&per_page=2")
        XCTAssertEqual(last["size"], .int(1))
        XCTAssertEqual(last["first_page"], .bool(false))
        XCTAssertEqual(last["last_page"], .bool(true))
        var seen: [String] = []
        for page in 1...3 {
            let answer = try await seeded.json("/hsds/services?page=\(page)&per_page=2")
            seen += answer["contents"]?.arrayValue?.compactMap { $0["id"]?.stringValue } ?? []
        }
        XCTAssertEqual(Set(seen).count, 5, "pages neither overlap nor skip")
        let none = try await seeded.json("/hsds/services?search=nothingmatches")
        XCTAssertEqual(none["empty"], .bool(true))
        XCTAssertEqual(none["total_items"], .int(0))
        XCTAssertEqual(none["total_pages"], .int(0))
        XCTAssertEqual(none["contents"], .array([]))
    }

    func testMappingOfInitiativesAndOffers() async throws {
        let seeded = try OpenDataTestNode()
        defer { seeded.remove() }
        let repair = seeded.ids["repair"] ?? ""
        let organization = try await seeded.json("/hsds/organizations/\(repair)")
        XCTAssertEqual(organization["name"], .string("Repair Café Vlissingen"))
        XCTAssertEqual(organization["legal_status"], .string("stichting"))
        XCTAssertEqual(organization["tax_status"], .string("ANBI"))
        XCTAssertEqual(organization["year_incorporated"], .int(2015))
        XCTAssertEqual(organization["organization_identifiers"]?[0]?["identifier_scheme"], .string("NL-KVK"))
        XCTAssertEqual(organization["organization_identifiers"]?[0]?["identifier"], .string("12345678"))
        let services = organization["services"]?.arrayValue ?? []
        XCTAssertEqual(services.compactMap { $0["name"]?.stringValue }, ["Repair Café Vlissingen", "Reparatie op locatie"])
        let main = try await seeded.json("/hsds/services/\(HSDSMapper.mainServiceID(of: repair))")
        XCTAssertEqual(main["organization"]?["id"], .string(repair))
        XCTAssertEqual(main["assured_date"], .string("2026-01-10"))
        XCTAssertEqual(main["last_modified"], .string("2026-01-01T00:00:00Z"))
        XCTAssertEqual(main["service_areas"]?.arrayValue?.compactMap { $0["extent"]?.stringValue }, ["GM0687", "GM0718"])
        XCTAssertEqual(main["attributes"]?.arrayValue?.compactMap { $0["value"]?.stringValue }, ["SDG11", "SDG12"])
        let offer = try await seeded.json("/hsds/services/\(seeded.ids["repairOffer"] ?? "")")
        XCTAssertEqual(offer["fees_description"], .string("op aanvraag"))
        XCTAssertEqual(offer["last_modified"], .string("2026-03-01T00:00:00Z"))
        XCTAssertEqual(offer["attributes"]?.arrayValue?.compactMap { $0["value"]?.stringValue }, ["dienst", "social-return", "SDG11", "SDG12"])
        let food = try await seeded.json("/hsds/services/\(HSDSMapper.mainServiceID(of: seeded.ids["food"] ?? ""))")
        XCTAssertEqual(food["status"], .string("inactive"))
        XCTAssertEqual(food["attributes"]?.arrayValue?.compactMap { $0["value"]?.stringValue }, ["SDG1", "SDG2", "SDG3"], "named and reported goals")
    }

    func testFiltersApplyTogether() async throws {
        let seeded = try OpenDataTestNode()
        defer { seeded.remove() }
        func expect(_ query: String, _ expected: [String], _ message: String = "", line: UInt = #line) async throws {
            let found = try await seeded.json("/hsds/services?\(query)")["contents"]?.arrayValue?.compactMap { $0["name"]?.stringValue }
            XCTAssertEqual(found, expected, "\(query) \(message)", line: line)
        }
        let socialReturn = OpenDataTaxonomy.offerTermID("social-return")
        let afterLate = ["Reparatie op locatie", "Zonnecoöperatie Middelburg"]
        try await expect("search=repair", ["Repair Café Vlissingen", "Reparatie op locatie"])
        try await expect("search=LOCATIE", ["Reparatie op locatie"], "an offer matches on its own words")
        try await expect("search=zonnecooperatie", ["Zonnecoöperatie Middelburg"])
        try await expect("taxonomy_term_id=\(OpenDataTaxonomy.sdgTermID(3))", ["Voedselbank Walcheren", "Voedselpakket"], "a reported goal")
        try await expect("taxonomy_term_id=SDG3", ["Voedselbank Walcheren", "Voedselpakket"], "a term's code works too")
        try await expect("taxonomy_term_id=\(socialReturn)", ["Reparatie op locatie"])
        try await expect("modified_after=2026-02-01", afterLate)
        try await expect("modified_after=2026-03-01T00:00:00Z", afterLate, "at or after")
        try await expect("modified_after=2026-03-01T00:00:01Z", [])
        try await expect("modified_after=2026-03-01T01:00:00%2B01:00", afterLate, "an offset is honoured")
        try await expect("modified_after=2026-02-01&taxonomy_term_id=SDG12", ["Reparatie op locatie"])
        try await expect("search=repair&taxonomy_term_id=SDG7", [])
        try await expect("organization_id=\(seeded.ids["food"] ?? "")", ["Voedselbank Walcheren", "Voedselpakket"])
        let organizations = try await seeded.json("/hsds/organizations?taxonomy_term_id=SDG7")["contents"]?.arrayValue ?? []
        XCTAssertEqual(organizations.compactMap { $0["name"]?.stringValue }, ["Zonnecoöperatie Middelburg"])
        let terms = try await seeded.json("/hsds/taxonomy_terms?taxonomy_id=\(OpenDataTaxonomy.sdg.id)")
        XCTAssertEqual(terms["total_items"], .int(17))
    }

    func testTaxonomyIdsAreStable() async throws {
        // Computed independently: SHA-256("maex:sdg:3") as an RFC 9562 version-8 UUID.
        XCTAssertEqual(OpenDataTaxonomy.sdgTermID(3), "589f977a-57a0-8e5e-9c02-67f9f4b9848d")
        XCTAssertEqual(OpenDataTaxonomy.sdg.id, "137879b5-7d37-84c3-8620-fdeca8affeb9")
        XCTAssertEqual(Set(OpenDataTaxonomy.all.flatMap(\.terms).map(\.id)).count, 20)
        let seeded = try OpenDataTestNode()
        defer { seeded.remove() }
        let term = try await seeded.json("/hsds/taxonomy_terms/589f977a-57a0-8e5e-9c02-67f9f4b9848d")
        XCTAssertEqual(term["code"], .string("SDG3"))
        XCTAssertEqual(term["name"], .string("Goede gezondheid en welzijn"))
        XCTAssertEqual(term["taxonomy_id"], .string("137879b5-7d37-84c3-8620-fdeca8affeb9"))
        let info = try await seeded.json("/hsds/")
        XCTAssertEqual(info["version"], .string("3.0"))
        let bare = try await seeded.json("/hsds")
        XCTAssertEqual(bare, info)
    }

    func testBadParametersAreRefusedAndUnknownIdsAreNotFound() async throws {
        let seeded = try OpenDataTestNode()
        defer { seeded.remove() }
        for query in ["page=0", "per_page=1001", "per_page=x", "modified_after=yesterday", "modified_after=2026-13-01", "taxonomy_term_id=SDG99"] {
            let (status, body) = try await seeded.get("/hsds/services?\(query)")
            XCTAssertEqual(status, .badRequest, query)
            XCTAssertTrue(body.contains("invalid_parameter"), body)
        }
        for path in ["/hsds/services/\(UUID().uuidString.lowercased())", "/hsds/organizations/nope", "/hsds/taxonomies/x", "/hsds/taxonomy_terms/x"] {
            let (status, body) = try await seeded.get(path)
            XCTAssertEqual(status, .notFound, path)
            XCTAssertTrue(body.contains("not_found"), body)
        }
        let (status, _) = try await seeded.get("/hsds/services?modified_after=2026-01-01")
        XCTAssertEqual(status, .ok)
        let (postStatus, allow) = try await seeded.node.app().test(.router) { client in
            try await client.execute(uri: "/hsds/services", method: .post) { ($0.status, $0.headers[.allow]) }
        }
        XCTAssertEqual(postStatus, .methodNotAllowed, "the API is read-only")
        XCTAssertEqual(allow, "GET")
    }

    func testTimesRoundTrip() {
        XCTAssertEqual(OpenDataTime.iso(milliseconds: OpenDataTestNode.late), "2026-03-01T00:00:00Z")
        XCTAssertEqual(OpenDataTime.milliseconds("2026-03-01"), OpenDataTestNode.late)
        XCTAssertEqual(OpenDataTime.milliseconds("2026-03-01T00:00:00.250Z"), OpenDataTestNode.late)
        XCTAssertEqual(OpenDataTime.milliseconds("2026-02-28T23:00:00-01:00"), OpenDataTestNode.late)
        XCTAssertEqual(OpenDataTime.iso(milliseconds: 1_767_229_199_000), "2026-01-01T00:59:59Z")
        for bad in ["", "2026", "2026-3-01", "2026-03-01T", "2026-03-01T25:00:00Z", "2026-03-01T00:00:00", "2026-03-01T00:00:00+0100"] {
            XCTAssertNil(OpenDataTime.milliseconds(bad), bad)
        }
    }
}
