import Hummingbird
import MAEXCore
import XCTest

@testable import MAEXNode

final class PagesRenderTests: XCTestCase {
    func testMunicipalityPageListsItsInitiativesWithHandprint() async throws {
        let node = try PagesTestNode()
        defer { node.remove() }
        let page = try await node.get("/gemeente/GM0718")
        XCTAssertEqual(page.status, .ok)
        XCTAssertEqual(page.contentType, "text/html; charset=utf-8")
        XCTAssertTrue(page.body.hasPrefix("<!DOCTYPE html>\n<html lang=\"nl\">"))
        XCTAssertTrue(page.body.contains("<h1>Gemeente Vlissingen</h1>"))
        XCTAssertTrue(page.body.contains("Repair Café Vlissingen"))
        XCTAssertTrue(page.body.contains("Voedselbank Walcheren"))
        XCTAssertFalse(page.body.contains("Zonnecoöperatie"), "another municipality's initiative")
        XCTAssertEqual(page.body.occurrences(of: "<rect class=\"bar\""), 17)
        XCTAssertTrue(page.body.contains("fill=\"#BF8B2E\""), "SDG 12 in its official colour")
        XCTAssertTrue(page.body.contains("€ 250 · 1 bijdrage"), "the consenting initiative's value")
        XCTAssertFalse(page.body.contains("€ 4.000"), "no value without publication consent")
        XCTAssertTrue(page.body.contains("van 1 is de waarde niet openbaar"))
        XCTAssertEqual(page.body.occurrences(of: "Niet bevestigd in het afgelopen jaar"), 1, "only the food bank is stale")
        XCTAssertTrue(page.body.contains("Zoekt: Geld"))
        XCTAssertTrue(page.body.contains("Aanbod voor social return</span>"))
        XCTAssertFalse(page.body.contains("<script>"), "no scripts, and text is escaped")
        XCTAssertFalse(page.body.contains("<link"), "no external resources")
    }

    func testMunicipalityFilters() async throws {
        let node = try PagesTestNode()
        defer { node.remove() }
        let cases: [(String, [String])] = [
            ("sdg=2", ["Voedselbank Walcheren"]),
            ("sdg=12", ["Repair Café Vlissingen"]),
            ("thema=armoede", ["Voedselbank Walcheren"]),
            ("fase=groei", ["Repair Café Vlissingen"]),
            ("behoefte=geld", ["Voedselbank Walcheren"]),
            ("behoefte=vrijwilligers", ["Repair Café Vlissingen"]),
            ("sociaal_rendement=1", ["Repair Café Vlissingen"]),
            ("q=REPAR", ["Repair Café Vlissingen"]),
            ("q=koelcel", []),
            ("fase=start", []),
            ("sdg=99", ["Repair Café Vlissingen", "Voedselbank Walcheren"]),
        ]
        for (query, expected) in cases {
            let page = try await node.get("/gemeente/GM0718?\(query)")
            XCTAssertEqual(page.status, .ok, query)
            let listed = ["Repair Café Vlissingen", "Voedselbank Walcheren"].filter { page.body.contains("\">\($0)</a>") }
            XCTAssertEqual(listed, expected, query)
        }
        let filtered = try await node.get("/gemeente/GM0718?sdg=2")
        XCTAssertTrue(filtered.body.contains("1 van 2 initiatieven voldoen aan de filters."))
        XCTAssertTrue(filtered.body.contains("<option value=\"2\" selected>2 Geen honger</option>"))
        XCTAssertTrue(filtered.body.contains("Filters wissen"))
    }

    func testProvinceAndNationalPagesHaveATablePerMunicipality() async throws {
        let node = try PagesTestNode(role: .province, scope: ["PV29"])
        defer { node.remove() }
        for path in ["/provincie/PV29", "/nederland"] {
            let page = try await node.get(path)
            XCTAssertEqual(page.status, .ok, path)
            XCTAssertEqual(page.body.occurrences(of: "<tr><td><a href=\"/gemeente/GM"), 13, path)
            XCTAssertTrue(page.body.contains("<a href=\"/gemeente/GM0687\">Middelburg</a></td><td>Overig Zeeland</td><td class=\"num\">1</td>"), path)
            XCTAssertTrue(page.body.contains("Zonnecoöperatie Middelburg"), path)
            XCTAssertTrue(page.body.contains("Repair Café Vlissingen"), path)
            XCTAssertTrue(page.body.contains("€ 550"), "\(path): € 250 + € 300 public")
        }
        let home = try await node.get("/")
        XCTAssertTrue(home.body.contains("<h1>Provincie Zeeland</h1>"))
        XCTAssertTrue(home.body.contains("<strong>3</strong>initiatieven"))
    }

    func testHomePageShowsTheNodesAreaLatestAndOpenNeeds() async throws {
        let node = try PagesTestNode()
        defer { node.remove() }
        let page = try await node.get("/")
        XCTAssertEqual(page.status, .ok)
        XCTAssertTrue(page.body.contains("<h1>Gemeente Vlissingen</h1>"))
        XCTAssertTrue(page.body.contains("<strong>2</strong>initiatieven"), "only the node's own municipality")
        XCTAssertTrue(page.body.contains("<strong>€ 250</strong>openbare maatschappelijke waarde"))
        XCTAssertTrue(page.body.contains("<strong>2</strong>open hulpvragen"))
        XCTAssertTrue(page.body.contains("Koelcel voor verse producten"))
        XCTAssertTrue(page.body.contains("€ 1.500"), "the money need's amount")
        XCTAssertEqual(page.body.occurrences(of: "<rect class=\"bar\""), 17)
    }

    func testInitiativeProfile() async throws {
        let node = try PagesTestNode()
        defer { node.remove() }
        let page = try await node.get("/initiatief/\(node.ids["repair"] ?? "")")
        XCTAssertEqual(page.status, .ok)
        XCTAssertTrue(page.body.contains("<h1>Repair Café Vlissingen</h1>"))
        XCTAssertTrue(page.body.contains("Samen repareren &lt;script&gt;alert(1)&lt;/script&gt; &amp; koffie"), "HTML in text is escaped")
        XCTAssertFalse(page.body.contains("<script>alert"))
        XCTAssertTrue(page.body.contains("style=\"background:#FD9D24;color:#1a1a1a\"><b>11</b>Duurzame steden en gemeenschappen"))
        XCTAssertTrue(page.body.contains("style=\"background:#BF8B2E"))
        XCTAssertTrue(page.body.contains("Reparatie op locatie"))
        XCTAssertTrue(page.body.contains("Telt mee voor social return"))
        XCTAssertTrue(page.body.contains("Gemeente Vlissingen <span class=\"tag\">Mogelijkmaker</span>"))
        XCTAssertTrue(page.body.contains("Handige reparateurs gezocht"))
        XCTAssertTrue(page.body.contains("40 uur · vaardigheden: elektronica"))
        XCTAssertTrue(page.body.contains("<td class=\"num\">€ 250</td>"))
        XCTAssertTrue(page.body.contains("Laatst bevestigd: 10-01-2026"))
        XCTAssertFalse(page.body.contains("niet bevestigd in het afgelopen jaar"))
        XCTAssertFalse(page.body.contains("Voedselbank"), "only this initiative's records")
    }

    func testStaleProfileWithoutConsentHidesValues() async throws {
        let node = try PagesTestNode()
        defer { node.remove() }
        let page = try await node.get("/initiatief/\(node.ids["food"] ?? "")")
        XCTAssertEqual(page.status, .ok)
        XCTAssertTrue(page.body.contains("Dit profiel is niet bevestigd in het afgelopen jaar"))
        XCTAssertTrue(page.body.contains("geen toestemming gegeven om bedragen te publiceren"))
        XCTAssertTrue(page.body.contains("1 bijdrage"), "the count is public")
        XCTAssertFalse(page.body.contains("€ 4.000"))
        XCTAssertFalse(page.body.contains("Waarde</th>"))
    }

    func testUnknownPagesAreHTML404() async throws {
        let node = try PagesTestNode()
        defer { node.remove() }
        for path in ["/initiatief/nope", "/initiatief/\(initiativeID(77))", "/provincie/PV99", "/gemeente/XX12"] {
            let page = try await node.get(path)
            XCTAssertEqual(page.status, .notFound, path)
            XCTAssertEqual(page.contentType, "text/html; charset=utf-8", path)
            XCTAssertTrue(page.body.contains("<h1>Niet gevonden</h1>"), path)
        }
    }
}
