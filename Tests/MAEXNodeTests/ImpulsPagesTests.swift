import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import MAEXStore
import MAEXCore
import XCTest

@testable import MAEXNode

/// MAEX Impuls on one node, in process: the desk's refusals and the Dutch pages.
final class ImpulsPagesTests: XCTestCase {
    private let code = "impuls-zeeland"

    /// A page node with a co-funded fund, and Repair Café's application asked about, granted, paid and reported.
    private func seeded() throws -> (PagesTestNode, ImpulsDesk, application: String) {
        let node = try PagesTestNode()
        let desk = ImpulsDesk(store: node.node.store, author: node.author)
        try desk.createFund(try ImpulsInput.values(RecordSchema.fund, [
            "fund": code, "name": "Impuls Zeeland", "purpose": "Sterkere initiatieven", "areas": "PV29", "sdgs": "11",
            "amount_min_cents": "50000", "amount_max_cents": "250000", "decision_days": "21", "min_phase": "start",
        ]))
        try desk.pledge(fund: code, ["funder": .string("Provincie <b>Zeeland</b>"), "funder_kind": .string("provincie"), "amount_cents": .int(300_000)])
        try desk.pledge(fund: code, ["funder": .string("Rabobank"), "funder_kind": .string("bank"), "amount_cents": .int(100_000)])
        let repair = node.ids["repair"] ?? ""
        let application = try desk.apply(
            initiative: repair, fund: code, amountCents: 100_000, motivation: "Gereedschap", impact: "Meer reparaties", date: "2026-03-01").record.id
        try desk.decide(application: application, outcome: "meer-info", amountCents: nil, reason: "Graag een begroting", date: "2026-03-03")
        try desk.decide(application: application, outcome: "toegekend", amountCents: nil, reason: nil, date: "2026-03-06")
        try desk.pay(application: application, amountCents: 60_000, date: "2026-03-09")
        try desk.pay(application: application, amountCents: nil, date: "2026-03-20")
        try desk.report(application: application, summary: "Twintig reparaties meer per maand", link: nil, date: "2026-06-01")
        try desk.support(initiative: node.ids["food"] ?? "", ["kind": .string("donatie"), "partner": .string("Bakkerij"), "amount_cents": .int(25_000)])
        return (node, desk, application)
    }

    func testTheDeskRefusesWhatTheFundRulesForbidAndChangesNothing() throws {
        let (node, desk, application) = try seeded()
        defer { node.remove() }
        let before = try node.node.store.digest()
        XCTAssertThrowsError(try desk.apply(
            initiative: node.ids["food"] ?? "", fund: code, amountCents: 100_000, motivation: "m", impact: "i", date: "2026-03-01")) { error in
            guard case .notEligible(let problems) = error as? ImpulsError else { return XCTFail("\(error)") }
            XCTAssertEqual(problems, [.noMatchingSDG(required: [11])])
        }
        XCTAssertThrowsError(try desk.apply(
            initiative: node.ids["repair"] ?? "", fund: "impuls-brabant", amountCents: 100_000, motivation: "m", impact: "i", date: "2026-03-01")) {
            XCTAssertEqual($0 as? ImpulsError, .unknownFund("impuls-brabant"))
        }
        XCTAssertThrowsError(try desk.decide(application: application, outcome: "toegekend", amountCents: nil, reason: nil, date: "2026-03-07")) {
            XCTAssertEqual($0 as? ImpulsError, .alreadyGranted(application))
        }
        XCTAssertThrowsError(try desk.pay(application: application, amountCents: 1, date: "2026-03-21")) {
            XCTAssertEqual($0 as? ImpulsError, .overpaid(application: application, leftCents: 0))
        }
        let unknown = UUID().uuidString.lowercased()
        XCTAssertThrowsError(try desk.decide(application: unknown, outcome: "afgewezen", amountCents: nil, reason: "x", date: "2026-03-07")) {
            XCTAssertEqual($0 as? ImpulsError, .unknownApplication(unknown))
        }
        XCTAssertThrowsError(try desk.report(application: application, summary: nil, link: nil, date: "2026-06-01")) {
            guard case .invalid(let schema) = $0 as? ImpulsError else { return XCTFail("\($0)") }
            XCTAssertEqual(schema.field, "summary")
        }
        XCTAssertEqual(try node.node.store.digest(), before, "refusals change nothing")
        try desk.support(initiative: node.ids["food"] ?? "", ["kind": .string("kennis"), "partner": .string("Hogeschool")])
        XCTAssertEqual(try node.node.store.records(type: "support").count, 2)
    }

    func testTheFundPageShowsCriteriaCoFundersBudgetDecisionsAndLeadTimes() async throws {
        let (node, _, _) = try seeded()
        defer { node.remove() }
        let page = try await node.get("/impuls/\(code)")
        XCTAssertEqual(page.status, .ok)
        XCTAssertEqual(page.contentType, "text/html; charset=utf-8")
        XCTAssertTrue(page.body.contains("<h1>Impuls Zeeland</h1>"))
        XCTAssertTrue(page.body.contains("<div><strong>€ 4.000</strong>budget</div>"))
        XCTAssertTrue(page.body.contains("<div><strong>€ 1.000</strong>toegekend</div>"))
        XCTAssertTrue(page.body.contains("<div><strong>€ 3.000</strong>nog beschikbaar</div>"))
        XCTAssertTrue(page.body.contains("Provincie &lt;b&gt;Zeeland&lt;/b&gt;"), "text is escaped")
        XCTAssertFalse(page.body.contains("<b>Zeeland</b>"))
        XCTAssertTrue(page.body.contains("Werkgebied: Zeeland"))
        XCTAssertTrue(page.body.contains("Minstens fase Start"))
        XCTAssertTrue(page.body.contains("Repair Café Vlissingen"))
        XCTAssertTrue(page.body.contains("<td>Toegekend</td>"))
        XCTAssertTrue(page.body.contains("Van aanvraag tot besluit: mediaan 5 dagen. Van aanvraag tot uitbetaling: mediaan 8 dagen. Streefdoel: besluit binnen 21 dagen."))
        XCTAssertTrue(page.body.contains("title=\"SDG 12:"), "the SDGs of the granted initiative")
        XCTAssertFalse(page.body.contains("<script"), "no JavaScript")
        let overview = try await node.get("/impuls")
        XCTAssertEqual(overview.status, .ok)
        XCTAssertTrue(overview.body.contains("<a class=\"name\" href=\"/impuls/\(code)\">Impuls Zeeland</a>"))
        XCTAssertTrue(overview.body.contains("nog € 3.000 van € 4.000 beschikbaar"))
        let profile = try await node.get("/initiatief/\(node.ids["repair"] ?? "")")
        XCTAssertTrue(profile.body.contains(#"<a href="/impuls/impuls-zeeland">Impuls Zeeland</a>: € 1.000 · <span class="tag">Toegekend</span>"#), profile.body)
        let food = try await node.get("/initiatief/\(node.ids["food"] ?? "")")
        XCTAssertFalse(food.body.contains("Impuls-aanvragen"), "only the initiative's own applications")
        XCTAssertTrue(food.body.contains("Bakkerij <span class=\"tag\">Donatie</span> € 250"), food.body)
        let missing = try await node.get("/impuls/impuls-brabant")
        XCTAssertEqual(missing.status, .notFound)
        XCTAssertTrue(missing.body.contains("Er is geen fonds impuls-brabant."))
    }
}

/// The Dutch application form on the hosting node: eligibility shown before submitting.
final class ImpulsFormTests: XCTestCase {
    func testTheFormChecksEligibilityThenAppliesAndRefusesWithReasons() async throws {
        let node = try EditingTestNode()
        defer { node.remove() }
        let fundAuthor = LocalAuthor(
            store: node.store, key: SigningKey(), realm: ServerTestNode.realm, municipalities: nil, lock: nil,
            wallClock: { ServerTestNode.now - 10_000 }, logger: Logger(label: "test.fund"))
        let fundDesk = ImpulsDesk(store: node.store, author: fundAuthor)
        try fundDesk.createFund(try ImpulsInput.values(RecordSchema.fund, [
            "fund": "impuls-zeeland", "name": "Impuls Zeeland", "areas": "PV29", "amount_min_cents": "50000", "amount_max_cents": "250000",
            "min_phase": "start",
        ]))
        let created = try await node.postForm("/aanmelden", [("name", "Buurttuin De Kaai"), ("municipality", "GM0718"), ("phase", "plan")])
        let id = String((created.headers[.location] ?? "").dropFirst("/initiatief/".count))
        XCTAssertEqual(created.status, .seeOther)

        let unauthenticated = try await node.send(.get, "/beheer/impuls/\(id)", headers: [:])
        XCTAssertEqual(unauthenticated.status, .unauthorized)
        let form = try await node.send(.get, "/beheer/impuls/\(id)", headers: EditingTestNode.basic)
        XCTAssertEqual(form.status, .ok)
        XCTAssertTrue(form.body.contains("<h1>Impuls aanvragen: Buurttuin De Kaai</h1>"))
        XCTAssertTrue(form.body.contains(#"<option value="impuls-zeeland">Impuls Zeeland (€ 500 tot € 2.500)</option>"#), form.body)
        XCTAssertFalse(form.body.contains("<script"))

        let fields = [("fund", "impuls-zeeland"), ("amount_euros", "3.000"), ("motivation", "Een kas"), ("impact", "Groente voor de buurt")]
        let check = try await node.postForm("/beheer/impuls/\(id)", fields + [("action", "check")], headers: EditingTestNode.basic)
        XCTAssertEqual(check.status, .ok)
        XCTAssertTrue(check.body.contains("het bedrag EUR 3.000,00 ligt niet tussen EUR 500,00 en EUR 2.500,00"), check.body)
        XCTAssertTrue(check.body.contains("het fonds vraagt minstens fase start; het initiatief is in fase plan"))
        XCTAssertTrue(check.body.contains(#"name="amount_euros" value="3.000""#), "the values entered are kept")
        let refused = try await node.postForm("/beheer/impuls/\(id)", fields + [("action", "submit")], headers: EditingTestNode.basic)
        XCTAssertEqual(refused.status, .unprocessableContent)
        XCTAssertEqual(try node.store.records(type: "application").count, 0, "a refused application stores nothing")

        let grown = try await node.postForm("/beheer/initiatief/\(id)", [("name", "Buurttuin De Kaai"), ("municipality", "GM0718"), ("phase", "start")],
                                            headers: EditingTestNode.basic)
        XCTAssertEqual(grown.status, .seeOther, grown.body)
        let fitting = [("fund", "impuls-zeeland"), ("amount_euros", "1.500"), ("motivation", "Een kas"), ("impact", "Groente voor de buurt")]
        let eligible = try await node.postForm("/beheer/impuls/\(id)", fitting + [("action", "check")], headers: EditingTestNode.basic)
        XCTAssertTrue(eligible.body.contains("Deze aanvraag voldoet aan de voorwaarden van het fonds."), eligible.body)
        XCTAssertEqual(try node.store.records(type: "application").count, 0, "checking stores nothing")
        let applied = try await node.postForm("/beheer/impuls/\(id)", fitting + [("action", "submit")], headers: EditingTestNode.basic)
        XCTAssertEqual(applied.status, .seeOther, applied.body)
        XCTAssertEqual(applied.headers[.location], "/impuls/impuls-zeeland")
        let stored = try node.store.records(type: "application")
        XCTAssertEqual(stored.count, 1)
        XCTAssertEqual(stored.first?.state.value(of: "amount_cents"), .int(150_000))
        XCTAssertEqual(stored.first?.state.value(of: "fund_code"), .string("impuls-zeeland"))
        XCTAssertEqual(stored.first?.state.value(of: "municipality"), .string("GM0718"))
    }
}
