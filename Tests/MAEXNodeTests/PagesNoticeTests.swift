import Hummingbird
import HummingbirdTesting
import MAEXCore
import XCTest

@testable import MAEXNode

/// The privacy page and the accessibility statement, generated from the node's `[privacy]`
/// settings, and the links every page has to them.
final class PagesNoticeTests: XCTestCase {
    private func get(_ node: ServerTestNode, _ path: String, method: HTTPRequest.Method = .get) async throws -> (HTTPResponse.Status, String) {
        try await node.app().test(.router) { client in
            try await client.execute(uri: path, method: method) { ($0.status, String(buffer: $0.body)) }
        }
    }

    func testPrivacyPageNamesControllerContactRetentionAndThePersonalFields() async throws {
        var node = try ServerTestNode()
        defer { node.remove() }
        node.served.privacy = try PrivacyNotice(
            controller: "College van B&W van Vlissingen", contactEmail: "privacy@vlissingen.example", officerEmail: "fg@vlissingen.example",
            retention: "Na twee jaar zonder bevestiging verwijderen we het profiel.")
        let (status, body) = try await get(node, "/privacy")
        XCTAssertEqual(status, .ok)
        XCTAssertTrue(body.contains("<h1>Privacyverklaring</h1>"))
        XCTAssertTrue(body.contains("<strong>College van B&amp;W van Vlissingen</strong> is verwerkingsverantwoordelijke"), body)
        XCTAssertEqual(body.occurrences(of: "<a href=\"mailto:privacy@vlissingen.example\">"), 2, "in the facts and in the request text")
        XCTAssertTrue(body.contains("<a href=\"mailto:fg@vlissingen.example\">"))
        XCTAssertTrue(body.contains("<p>Na twee jaar zonder bevestiging verwijderen we het profiel.</p>"))
        XCTAssertFalse(body.contains("nog geen contactadres ingesteld"))
        XCTAssertTrue(body.contains("het openbare register van maatschappelijke initiatieven van de gemeente Vlissingen"))
        // Exactly the schema's personal fields are listed as personal; the others as the initiative's own.
        let personal = Self.listItems(body, after: "Deze velden kunnen persoonsgegevens bevatten:")
        XCTAssertEqual(Set(personal), [
            "Profiel: beschrijving", "Profiel: e-mail", "Profiel: adres", "Hulpvraag: omschrijving", "Aanbod: omschrijving",
        ])
        XCTAssertTrue(body.contains("De andere velden gaan over het initiatief zelf: naam, andere naam, gemeente,"), body)
        XCTAssertTrue(body.contains("tot dan blijven ze in de logboeken staan"), "says honestly that earlier values stay in the logs")
    }

    func testPrivacyPageWithoutSettingsNamesTheNodeAndAsksForAContact() async throws {
        let node = try ServerTestNode(name: "Provincie Zeeland", role: .province, scope: ["PV29"])
        defer { node.remove() }
        let (status, body) = try await get(node, "/privacy")
        XCTAssertEqual(status, .ok)
        XCTAssertTrue(body.contains("<strong>Provincie Zeeland</strong> is verwerkingsverantwoordelijke"))
        XCTAssertTrue(body.contains("nog geen contactadres ingesteld ([privacy] contact_email"))
        XCTAssertFalse(body.contains("mailto:"))
        XCTAssertTrue(body.contains("van de provincie Zeeland"))
        XCTAssertTrue(body.contains("Stuur uw verzoek naar Provincie Zeeland en noem het initiatief"))
    }

    func testAccessibilityStatementFollowsTheModelLayout() async throws {
        var node = try ServerTestNode()
        defer { node.remove() }
        node.served.privacy = try PrivacyNotice(contactEmail: "toegankelijkheid@vlissingen.example")
        let (status, body) = try await get(node, "/toegankelijkheid")
        XCTAssertEqual(status, .ok)
        XCTAssertTrue(body.contains("<h1>Toegankelijkheidsverklaring</h1>"))
        let headings = body.components(separatedBy: "<h2>").dropFirst().compactMap { $0.components(separatedBy: "</h2>").first }
        XCTAssertEqual(headings, [
            "Verklaring", "Nalevingsstatus", "Onderbouwing", "Maatregelen", "Bekende beperkingen", "Feedback en contactgegevens",
            "Handhavingsprocedure", "Aanvullende informatie",
        ])
        XCTAssertTrue(body.contains("<strong>C – eerste maatregelen genomen.</strong>"))
        XCTAssertTrue(body.contains("axe-core 4.12"))
        XCTAssertTrue(body.contains("<a href=\"mailto:toegankelijkheid@vlissingen.example\">"))
        XCTAssertTrue(body.contains("Nationale ombudsman"))
    }

    func testEveryPageHasASkipLinkAndLinksToPrivacyAndTheStatement() async throws {
        let node = try ServerTestNode()
        defer { node.remove() }
        for path in ["/", "/gemeente/GM0718", "/aanmelden", "/privacy", "/toegankelijkheid", "/initiatief/nope"] {
            let (_, body) = try await get(node, path)
            XCTAssertTrue(body.contains("<a class=\"skip\" href=\"#inhoud\">Naar de inhoud</a>"), path)
            XCTAssertTrue(body.contains("<main id=\"inhoud\" tabindex=\"-1\">"), path)
            XCTAssertTrue(body.contains("<a href=\"/privacy\">Privacy</a>"), path)
            XCTAssertTrue(body.contains("<a href=\"/toegankelijkheid\">Toegankelijkheid</a>"), path)
        }
        let (status, _) = try await get(node, "/privacy", method: .post)
        XCTAssertEqual(status, .methodNotAllowed)
    }

    /// The `<li>` texts of the first list after `marker`.
    static func listItems(_ body: String, after marker: String) -> [String] {
        guard let start = body.range(of: marker), let list = body[start.upperBound...].components(separatedBy: "</ul>").first else { return [] }
        return list.components(separatedBy: "<li>").dropFirst().compactMap { $0.components(separatedBy: "</li>").first }
    }
}
