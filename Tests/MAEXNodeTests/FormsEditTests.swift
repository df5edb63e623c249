import Foundation
import Hummingbird
import HummingbirdTesting
import MAEXCore
import MAEXStore
import XCTest

@testable import MAEXNode

/// The admin edit form's collections: activities, needs, offers and partners added, changed
/// and removed through plain HTML forms, one change set per submit.
final class FormsEditTests: XCTestCase {
    let registration: [(String, String)] = [
        ("name", "Buurttuin De Kaai"), ("municipality", "GM0718"), ("phase", "start"), ("sdgs", "15"), ("publication_consent", "1"),
        ("contributions[0].activity", "tree-planted"), ("contributions[0].quantity", "12"), ("contributions[0].year", "2025"),
        ("needs[0].kind", "geld"), ("needs[0].description", "Kas voor de winter"), ("needs[0].amount_euros", "1.500,50"),
        ("offers[0].kind", "product"), ("offers[0].name", "Groentepakket"), ("offers[0].social_return", "1"),
    ]
    let profile: [(String, String)] = [
        ("name", "Buurttuin De Kaai"), ("municipality", "GM0718"), ("phase", "start"), ("sdgs", "15"), ("publication_consent", "1"),
    ]

    /// A registered initiative and the ids of its contribution, need and offer.
    func registered(_ node: EditingTestNode) async throws -> (id: String, contribution: String, need: String, offer: String) {
        let created = try await node.postForm("/aanmelden", registration)
        XCTAssertEqual(created.status, .seeOther, created.body)
        let id = String((created.headers[.location] ?? "").dropFirst("/initiatief/".count))
        let contribution = try XCTUnwrap(try node.store.records(type: "contribution").first?.key.id)
        let need = try XCTUnwrap(try node.store.records(type: "need").first?.key.id)
        let offer = try XCTUnwrap(try node.store.records(type: "offer").first?.key.id)
        return (id, contribution, need, offer)
    }

    func testEditFormShowsTheStoredRowsAndEmptyRowsForNewOnes() async throws {
        let node = try EditingTestNode()
        defer { node.remove() }
        let ids = try await registered(node)
        let form = try await node.send(.get, "/beheer/initiatief/\(ids.id)", headers: EditingTestNode.basic)
        XCTAssertEqual(form.status, .ok)
        let html = form.body
        XCTAssertTrue(html.contains(#"<input type="hidden" name="contributions[0].id" value="\#(ids.contribution)">"#), html)
        XCTAssertTrue(html.contains(#"<option value="tree-planted" selected>"#))
        XCTAssertTrue(html.contains(#"name="contributions[0].quantity" value="12""#))
        XCTAssertTrue(html.contains(#"name="needs[0].amount_euros" value="1500,50""#))
        XCTAssertTrue(html.contains(#"<option value="open" selected>Open</option>"#), "a need's status is editable")
        XCTAssertTrue(html.contains(#"name="offers[0].name" value="Groentepakket""#))
        XCTAssertTrue(html.contains(#"name="offers[0].social_return" value="1" checked"#))
        XCTAssertTrue(html.contains(#"name="contributions[0].delete" value="1">Verwijderen"#))
        XCTAssertTrue(
            html.contains(#"<div class="row" role="group" aria-labelledby="r-contributions-1"><h3 id="r-contributions-1">Nieuw: activiteit</h3>"#),
            "a row is a group named by its heading")
        XCTAssertTrue(html.contains(#"name="contributions[2].quantity" value="""#), "two rows for new activities")
        XCTAssertTrue(html.contains(#"name="partners[0].organisation" value="""#), "a row for a new partner")
        XCTAssertFalse(html.contains(#"name="partners[0].id""#))
        XCTAssertFalse(html.contains("<script"), "works without JavaScript")
    }

    func testOneSubmitAddsChangesAndRemovesRowsAsOneChangeSet() async throws {
        let node = try EditingTestNode()
        defer { node.remove() }
        let ids = try await registered(node)
        let fields = profile + [
            ("contributions[0].id", ids.contribution), ("contributions[0].activity", "tree-planted"), ("contributions[0].quantity", "20"),
            ("contributions[0].year", "2025"), ("contributions[0].kind", "gerealiseerd"),
            ("contributions[1].activity", "repair-item"), ("contributions[1].quantity", "5"), ("contributions[1].year", "2025"),
            ("contributions[1].kind", ""), ("contributions[2].activity", ""), ("contributions[2].quantity", ""),
            ("needs[0].id", ids.need), ("needs[0].kind", "geld"), ("needs[0].description", "Kas voor de winter"), ("needs[0].delete", "1"),
            ("offers[0].id", ids.offer), ("offers[0].kind", "product"), ("offers[0].name", "Groentepakket <XL>"),
            ("partners[0].organisation", "Rabo & Fonds"), ("partners[0].role", "financier"),
        ]
        let saved = try await node.postForm("/beheer/initiatief/\(ids.id)", fields, headers: EditingTestNode.basic)
        XCTAssertEqual(saved.status, .seeOther, saved.body)
        XCTAssertEqual(saved.headers[.location], "/initiatief/\(ids.id)")
        XCTAssertEqual(try node.changeSetCount(), 2, "the registration and one edit")

        let lines = try node.store.records(type: "contribution").filter { !$0.state.isDeleted }
        XCTAssertEqual(lines.count, 2)
        let tree = try XCTUnwrap(lines.first { $0.key.id == ids.contribution }?.state)
        XCTAssertEqual(tree.value(of: "quantity"), .int(20))
        XCTAssertEqual(tree.value(of: "total_cents"), .int(20 * 5_000), "the total follows the quantity")
        let repair = try XCTUnwrap(lines.first { $0.key.id != ids.contribution }?.state)
        XCTAssertEqual(repair.value(of: "activity"), .string("repair-item"))
        XCTAssertEqual(repair.value(of: "initiative"), .string(ids.id))
        XCTAssertEqual(try node.store.record(RecordKey(type: "need", id: ids.need))?.isDeleted, true)
        let offer = try XCTUnwrap(try node.store.record(RecordKey(type: "offer", id: ids.offer)))
        XCTAssertEqual(offer.value(of: "name"), .string("Groentepakket <XL>"))
        XCTAssertEqual(offer.value(of: "social_return"), .bool(false), "an unticked box clears the flag")
        XCTAssertEqual(try node.store.records(type: "partner").first?.state.value(of: "organisation"), .string("Rabo & Fonds"))

        let page = try await node.send(.get, "/initiatief/\(ids.id)", headers: [:])
        XCTAssertEqual(page.status, .ok)
        XCTAssertTrue(page.body.contains("Groentepakket &lt;XL&gt;"), "HTML in text is escaped on output")
        XCTAssertFalse(page.body.contains("Groentepakket <XL>"))
        XCTAssertTrue(page.body.contains("Rabo &amp; Fonds"))
        XCTAssertFalse(page.body.contains("Kas voor de winter"), "the removed need is gone")
        XCTAssertTrue(page.body.contains("Gerepareerd apparaat of kledingstuk"), "the new activity is a handprint line")

        let again = try await node.send(.get, "/beheer/initiatief/\(ids.id)", headers: EditingTestNode.basic)
        XCTAssertTrue(again.body.contains(#"name="contributions[0].quantity" value="20""#) || again.body.contains(#"name="contributions[1].quantity" value="20""#))
        XCTAssertTrue(again.body.contains(#"name="partners[0].organisation" value="Rabo &amp; Fonds""#))
        XCTAssertFalse(again.body.contains(#"name="needs[0].id""#), "no row for the removed need")

        let unchanged = try await node.postForm("/beheer/initiatief/\(ids.id)", profile, headers: EditingTestNode.basic)
        XCTAssertEqual(unchanged.status, .seeOther)
        XCTAssertEqual(try node.changeSetCount(), 2, "a submit without changes stores nothing")
    }

    func testBadRowInputIsShownNextToTheFieldAndStoresNothing() async throws {
        let node = try EditingTestNode()
        defer { node.remove() }
        let ids = try await registered(node)
        let typed = profile + [
            ("contributions[0].id", ids.contribution), ("contributions[0].activity", "tree-planted"), ("contributions[0].quantity", "-4"),
            ("contributions[0].year", "2025"), ("contributions[0].kind", "gerealiseerd"),
            ("needs[0].id", ids.need), ("needs[0].kind", "geld"), ("needs[0].description", "Kas"), ("needs[0].amount_euros", "-20"),
            ("needs[0].status", "open"),
            ("partners[0].organisation", "<script>alert(1)</script>"), ("partners[0].role", "financier"),
        ]
        let first = try await node.postForm("/beheer/initiatief/\(ids.id)", typed, headers: EditingTestNode.basic)
        XCTAssertEqual(first.status, .unprocessableContent)
        XCTAssertTrue(first.body.contains(#"id="f-contributions-0--quantity-e">een getal van 0 tot en met"#), first.body)
        XCTAssertTrue(first.body.contains(#"id="f-needs-0--amount-euros-e">verwacht een bedrag in euro"#))
        XCTAssertTrue(first.body.contains(#"value="&lt;script&gt;alert(1)&lt;/script&gt;""#), "typed values kept, escaped")
        XCTAssertFalse(first.body.contains("<script>alert"))
        XCTAssertTrue(first.body.contains("Er is nog niets opgeslagen"))

        let checked = profile.filter { $0.0 != "sdgs" } + [
            ("sdgs", "18"), ("contributions[1].activity", "moon-landing"), ("contributions[1].quantity", "3"), ("contributions[1].year", "2025"),
            ("partners[0].organisation", "Fonds"), ("partners[0].role", ""),
        ]
        let second = try await node.postForm("/beheer/initiatief/\(ids.id)", checked, headers: EditingTestNode.basic)
        XCTAssertEqual(second.status, .unprocessableContent)
        XCTAssertTrue(second.body.contains("onbekende SDG 18: de SDG&#39;s zijn genummerd 1 tot en met 17"), second.body)
        XCTAssertTrue(second.body.contains(#"id="f-contributions-1--activity-e">onbekende activiteit"#))
        XCTAssertTrue(second.body.contains(#"id="f-partners-0--role-e">verplicht veld ontbreekt"#))
        XCTAssertEqual(try node.changeSetCount(), 1, "nothing stored")
        XCTAssertEqual(try node.store.records(type: "partner").count, 0)
        XCTAssertEqual(try node.store.record(RecordKey(type: "contribution", id: ids.contribution))?.value(of: "quantity"), .int(12))
    }

    func testEditNeedsCredentials() async throws {
        let node = try EditingTestNode()
        defer { node.remove() }
        let ids = try await registered(node)
        let fields = profile + [("needs[0].id", ids.need), ("needs[0].delete", "1")]
        let anonymous = try await node.postForm("/beheer/initiatief/\(ids.id)", fields)
        XCTAssertEqual(anonymous.status, .unauthorized)
        XCTAssertNotNil(anonymous.headers[.wwwAuthenticate])
        var wrong = HTTPFields()
        wrong[.authorization] = "Basic " + Data("admin:wrong".utf8).base64EncodedString()
        let refused = try await node.postForm("/beheer/initiatief/\(ids.id)", fields, headers: wrong)
        XCTAssertEqual(refused.status, .unauthorized)
        XCTAssertEqual(try node.store.record(RecordKey(type: "need", id: ids.need))?.isDeleted, false)
        XCTAssertEqual(try node.changeSetCount(), 1)
    }

    func testARowOfAnotherInitiativeCannotBeEditedThroughThisForm() async throws {
        let node = try EditingTestNode()
        defer { node.remove() }
        let first = try await registered(node)
        let other = try await node.postForm("/aanmelden", [("name", "Ander"), ("municipality", "GM0718")])
        let otherID = String((other.headers[.location] ?? "").dropFirst("/initiatief/".count))
        let fields = [("name", "Ander"), ("municipality", "GM0718"), ("needs[0].id", first.need), ("needs[0].delete", "1")]
        let answer = try await node.postForm("/beheer/initiatief/\(otherID)", fields, headers: EditingTestNode.basic)
        XCTAssertEqual(answer.status, .unprocessableContent)
        XCTAssertTrue(answer.body.contains("deze regel bestaat niet meer"), answer.body)
        XCTAssertEqual(try node.store.record(RecordKey(type: "need", id: first.need))?.isDeleted, false)
    }
}

extension FormsEditTests {
    func testChangingAnActivityTakesTheCataloguesValuesForIt() async throws {
        let node = try EditingTestNode()
        defer { node.remove() }
        let ids = try await registered(node)
        let fields = profile + [
            ("contributions[0].id", ids.contribution), ("contributions[0].activity", "repair-item"), ("contributions[0].quantity", "12"),
            ("contributions[0].year", "2025"), ("contributions[0].kind", "gerealiseerd"),
        ]
        let saved = try await node.postForm("/beheer/initiatief/\(ids.id)", fields, headers: EditingTestNode.basic)
        XCTAssertEqual(saved.status, .seeOther, saved.body)
        let line = try XCTUnwrap(try node.store.record(RecordKey(type: "contribution", id: ids.contribution)))
        XCTAssertEqual(line.value(of: "activity"), .string("repair-item"))
        XCTAssertEqual(line.value(of: "goal"), .int(12))
        XCTAssertEqual(line.value(of: "target"), .string("12.5"))
        XCTAssertEqual(line.value(of: "value_per_unit_cents"), .int(2_500))
        XCTAssertEqual(line.value(of: "total_cents"), .int(12 * 2_500))
    }
}
