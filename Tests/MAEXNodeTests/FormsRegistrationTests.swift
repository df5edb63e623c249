import Foundation
import Hummingbird
import HummingbirdTesting
import MAEXCore
import MAEXStore
import XCTest

@testable import MAEXNode

final class FormsRegistrationTests: XCTestCase {
    private let valid: [(String, String)] = [
        ("name", "Buurttuin <b>De Kaai</b>"), ("municipality", "GM0718"), ("description", "Samen tuinieren & oogsten"),
        ("phase", "start"), ("themes", "groen, voedsel"), ("sdgs", "2"), ("sdgs", "15"), ("publication_consent", "1"),
        ("website", "https://dekaai.example"),
        ("contributions[0].activity", "tree-planted"), ("contributions[0].quantity", "12"), ("contributions[0].year", "2025"),
        ("contributions[0].kind", ""),
        ("contributions[1].activity", ""), ("contributions[1].quantity", ""), ("contributions[1].year", ""),
        ("needs[0].kind", "geld"), ("needs[0].description", "Kas voor de winter"), ("needs[0].amount_euros", "1.500,50"),
        ("offers[0].kind", "product"), ("offers[0].name", "Groentepakket"), ("offers[0].social_return", "1"),
    ]

    func testQuestionnaireIsAPlainDutchForm() async throws {
        let node = try EditingTestNode()
        defer { node.remove() }
        let page = try await node.send(.get, "/aanmelden", headers: [:])
        XCTAssertEqual(page.status, .ok)
        XCTAssertTrue(page.body.hasPrefix("<!DOCTYPE html>\n<html lang=\"nl\">"))
        XCTAssertTrue(page.body.contains("<h1>Initiatief aanmelden</h1>"))
        XCTAssertTrue(page.body.contains(#"<form class="register" method="post" action="/aanmelden""#))
        XCTAssertTrue(page.body.contains(#"<label for="f-name">Naam <span aria-hidden="true">*</span></label>"#))
        XCTAssertTrue(page.body.contains(#"<option value="GM0718" selected>Vlissingen</option>"#), "the node's municipality chosen")
        XCTAssertTrue(page.body.contains(#"name="contributions[2].quantity""#), "three activity rows")
        XCTAssertTrue(page.body.contains("Gerepareerd apparaat of kledingstuk (per reparatie, SDG 12)"), "activities from the catalogue")
        XCTAssertEqual(page.body.occurrences(of: #"name="sdgs""#), 17)
        XCTAssertFalse(page.body.contains("<script"), "works without JavaScript")
    }

    func testInvalidSubmissionShowsMessagesNextToFieldsKeepsValuesAndStoresNothing() async throws {
        let node = try EditingTestNode()
        defer { node.remove() }
        var fields = valid.filter { $0.0 != "name" }
        fields += [("name", ""), ("alternate_name", #""><script>alert(1)</script>"#)]
        fields = fields.map { $0.0 == "website" ? ($0.0, "dekaai.nl") : $0 }
        fields = fields.map { $0.0 == "contributions[0].quantity" ? ($0.0, "-3") : $0 }
        fields = fields.map { $0.0 == "needs[0].amount_euros" ? ($0.0, "veel") : $0 }
        let answer = try await node.postForm("/aanmelden", fields)
        XCTAssertEqual(answer.status, .unprocessableContent)
        let html = answer.body
        XCTAssertTrue(html.contains("Er is nog niets opgeslagen"))
        XCTAssertTrue(html.contains(#"<p class="error" id="f-name-e">verplicht veld ontbreekt</p>"#), html)
        XCTAssertTrue(html.contains(#"id="f-website-e">verwacht een webadres dat begint met https://</p>"#))
        XCTAssertTrue(html.contains(#"id="f-contributions-0--quantity-e">een getal van 0 tot en met"#))
        XCTAssertTrue(html.contains(#"id="f-needs-0--amount_euros-e">verwacht een bedrag in euro"#) || html.contains(#"id="f-needs-0--amount-euros-e">verwacht een bedrag in euro"#))
        XCTAssertTrue(html.contains(#"value="Samen tuinieren &amp; oogsten""#) || html.contains("Samen tuinieren &amp; oogsten</textarea>"), "values kept")
        XCTAssertTrue(html.contains(#"value="&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;""#), "entered HTML is escaped")
        XCTAssertFalse(html.contains("<script>alert"))
        XCTAssertTrue(html.contains(#"value="15" checked"#), "ticked SDGs kept")
        XCTAssertFalse(html.contains("total_cents"), "no problem for a field the node fills in, following from the typed one")
        let summary = try XCTUnwrap(html.range(of: "<ul>").map { html[$0.lowerBound...] })
        let naam = try XCTUnwrap(summary.range(of: ">Naam</a>")).lowerBound
        let aantal = try XCTUnwrap(summary.range(of: ">Activiteit 1: Aantal</a>")).lowerBound
        XCTAssertLessThan(naam, aantal, "the summary lists problems in form order")
        XCTAssertEqual(try node.changeSetCount(), 0)
    }

    func testOutOfScopeMunicipalityIsRefusedNextToTheField() async throws {
        let node = try EditingTestNode()
        defer { node.remove() }
        let fields = valid.map { $0.0 == "municipality" ? ($0.0, "GM0716") : $0 }
        let answer = try await node.postForm("/aanmelden", fields)
        XCTAssertEqual(answer.status, .unprocessableContent)
        XCTAssertTrue(answer.body.contains(#"id="f-municipality-e">gemeente GM0716 valt buiten het werkgebied"#), answer.body)
        XCTAssertEqual(try node.changeSetCount(), 0)
    }

    func testValidSubmissionBecomesOneChangeSetAndRedirectsToTheProfile() async throws {
        let node = try EditingTestNode()
        defer { node.remove() }
        let answer = try await node.postForm("/aanmelden", valid)
        XCTAssertEqual(answer.status, .seeOther, answer.body)
        let location = try XCTUnwrap(answer.headers[.location])
        XCTAssertTrue(location.hasPrefix("/initiatief/"))
        XCTAssertEqual(try node.changeSetCount(), 1)
        let id = String(location.dropFirst("/initiatief/".count))
        XCTAssertEqual(try node.store.records(type: "contribution").count, 1)
        XCTAssertEqual(try node.store.records(type: "need").first?.state.value(of: "amount_cents"), .int(150_050))
        XCTAssertEqual(try node.store.records(type: "offer").first?.state.value(of: "social_return"), .bool(true))
        let page = try await node.send(.get, location, headers: [:])
        XCTAssertEqual(page.status, .ok)
        XCTAssertTrue(page.body.contains("<h1>Buurttuin &lt;b&gt;De Kaai&lt;/b&gt;</h1>"), "HTML in text is escaped")
        XCTAssertFalse(page.body.contains("<b>De Kaai</b>"))
        XCTAssertTrue(page.body.contains("Geplante inheemse boom"), "the activity became a handprint line")
        XCTAssertTrue(page.body.contains("Kas voor de winter"))
        XCTAssertTrue(page.body.contains("Groentepakket"))
        XCTAssertEqual(try node.store.record(RecordKey(type: "initiative", id: id))?.value(of: "themes"), .array([.string("groen"), .string("voedsel")]))
    }

    func testRegistrationsFromOneAddressAreThrottled() async throws {
        let node = try EditingTestNode()
        defer { node.remove() }
        let configuration = ServerTestNode.configuration { $0.registrationLimit = RateLimit(burst: 2, perSecond: 0.001) }
        let headers: HTTPFields = [.contentType: "application/x-www-form-urlencoded"]
        let bodies = (0..<3).map { index in EditingTestNode.formBody(valid.map { $0.0 == "name" ? ($0.0, "Buurttuin \(index)") : $0 }) }
        let before = try node.store.changeSetCount()
        let statuses = try await node.node.app(configuration).test(.router) { client in
            var statuses: [HTTPResponse.Status] = []
            for text in bodies {
                let body = ByteBuffer(string: text)
                try await client.execute(uri: "/aanmelden", method: .post, headers: headers, body: body) { response in
                    statuses.append(response.status)
                    if response.status == .tooManyRequests {
                        XCTAssertNotNil(response.headers[.retryAfter])
                        XCTAssertTrue(String(buffer: response.body).contains("Probeer het over"), String(buffer: response.body))
                    }
                }
            }
            return statuses
        }
        XCTAssertEqual(statuses, [.seeOther, .seeOther, .tooManyRequests])
        XCTAssertEqual(try node.store.changeSetCount(), before + 2, "the throttled submission stored nothing")
    }

    func testNodesThatHostNoInitiativesRefuseRegistration() async throws {
        let node = try EditingTestNode(role: .national, scope: ["NL"])
        defer { node.remove() }
        let page = try await node.send(.get, "/aanmelden", headers: [:])
        XCTAssertEqual(page.status, .notFound)
        XCTAssertTrue(page.body.contains("Deze node beheert geen initiatieven"))
        let post = try await node.postForm("/aanmelden", valid)
        XCTAssertEqual(post.status, .notFound)
        XCTAssertEqual(try node.changeSetCount(), 0)
    }

    func testEditFormNeedsBasicCredentialsAndConfirms() async throws {
        let node = try EditingTestNode()
        defer { node.remove() }
        let created = try await node.postForm("/aanmelden", valid)
        let id = String((created.headers[.location] ?? "").dropFirst("/initiatief/".count))
        let anonymous = try await node.send(.get, "/beheer/initiatief/\(id)", headers: [:])
        XCTAssertEqual(anonymous.status, .unauthorized)
        XCTAssertEqual(anonymous.headers[.wwwAuthenticate], #"Basic realm="MAEX beheer", charset="UTF-8""#)
        let form = try await node.send(.get, "/beheer/initiatief/\(id)", headers: EditingTestNode.basic)
        XCTAssertEqual(form.status, .ok)
        XCTAssertTrue(form.body.contains(#"value="Buurttuin &lt;b&gt;De Kaai&lt;/b&gt;""#), "pre-filled and escaped")
        XCTAssertTrue(form.body.contains(#"value="groen, voedsel""#))
        XCTAssertTrue(form.body.contains("Laatst bevestigd: nooit"))
        var fields = Array(valid.prefix(9)).map { $0.0 == "phase" ? ($0.0, "groei") : $0 }
        fields.append(("confirm", "1"))
        let foreign = try await node.postForm(
            "/beheer/initiatief/\(id)", fields, headers: EditingTestNode.basic.merging([.origin: "https://evil.example"]))
        XCTAssertEqual(foreign.status, .forbidden)
        let saved = try await node.postForm("/beheer/initiatief/\(id)", fields, headers: EditingTestNode.basic)
        XCTAssertEqual(saved.status, .seeOther, saved.body)
        let state = try XCTUnwrap(try node.store.record(RecordKey(type: "initiative", id: id)))
        XCTAssertEqual(state.value(of: "phase"), .string("groei"))
        XCTAssertEqual(state.value(of: "last_verified"), .string(CalendarDate.iso(milliseconds: ServerTestNode.now)))
        XCTAssertEqual(try node.changeSetCount(), 2)
        let bad = try await node.postForm(
            "/beheer/initiatief/\(id)", fields.map { $0.0 == "name" ? ($0.0, "") : $0 }, headers: EditingTestNode.basic)
        XCTAssertEqual(bad.status, .unprocessableContent)
        XCTAssertTrue(bad.body.contains("verplicht veld; kan niet leeg zijn"))
        XCTAssertEqual(try node.changeSetCount(), 2)
    }
}

extension HTTPFields {
    /// These fields with `other`'s added.
    func merging(_ other: HTTPFields) -> HTTPFields {
        var result = self
        for field in other { result.append(field) }
        return result
    }
}
