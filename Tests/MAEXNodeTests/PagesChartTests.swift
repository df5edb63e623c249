import MAEXCore
import XCTest

@testable import MAEXNode

final class PagesChartTests: XCTestCase {
    private func contribution(goal: Int, quantity: Int64, cents: Int64, initiative: String = "i") -> Contribution {
        Contribution(
            id: "c\(goal)", initiative: initiative, municipality: "GM0718", goal: goal, activity: "a", indicator: "x", quantity: quantity,
            unit: "u", centsPerUnit: cents, year: 2025, kind: .realised, methodVersion: "2026.1")
    }

    func testSeventeenBarsInTheOfficialColoursWithTextAlternative() {
        var handprint = Handprint()
        handprint.add(contribution(goal: 3, quantity: 2, cents: 10_000), valuePublic: true)
        handprint.add(contribution(goal: 13, quantity: 1, cents: 50_000), valuePublic: true)
        handprint.add(contribution(goal: 1, quantity: 1, cents: 99_999), valuePublic: false)
        let svg = HandprintChart.svg(handprint, id: "hp", title: "Handafdruk")
        XCTAssertTrue(svg.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\""))
        XCTAssertTrue(svg.contains("role=\"img\" aria-label=\"Handafdruk\" aria-describedby=\"hp-desc\""))
        XCTAssertTrue(svg.contains("<title id=\"hp-title\">Handafdruk</title>"))
        XCTAssertEqual(svg.occurrences(of: "<rect class=\"bar\""), 17)
        for sdg in SDG.all {
            XCTAssertTrue(svg.contains("fill=\"\(sdg.colour)\""), "SDG \(sdg.number)")
            XCTAssertTrue(svg.contains(">\(sdg.number) \(sdg.shortName)</text>"), "label of SDG \(sdg.number)")
        }
        XCTAssertTrue(svg.contains("SDG 13 Klimaatactie: 1 bijdrage, € 500"), "description")
        XCTAssertTrue(svg.contains("SDG 1 Geen armoede: 1 bijdrage (van 1 is de waarde niet openbaar)"))
        XCTAssertFalse(svg.contains("999"), "the undisclosed value appears nowhere")
        XCTAssertTrue(svg.contains("width=\"220\""), "the largest value gets the full bar")
        XCTAssertTrue(svg.contains("width=\"88\""), "€ 200 of € 500 is 40%")
        XCTAssertFalse(svg.contains("<script") || svg.contains("href") || svg.contains("@font-face"))
    }

    func testEscapesTheTitleAndShowsCountsWithoutValues() {
        var handprint = Handprint()
        handprint.add(contribution(goal: 5, quantity: 1, cents: 100), valuePublic: false)
        let svg = HandprintChart.svg(handprint, id: "x", title: "A <b>\"&'</b>")
        XCTAssertTrue(svg.contains("aria-label=\"A &lt;b&gt;&quot;&amp;&#39;&lt;/b&gt;\""))
        XCTAssertFalse(svg.contains("<b>"))
        XCTAssertTrue(svg.contains(">1 bijdrage</text>"), "bars by count when no value is public")
        XCTAssertEqual(HandprintChart.description(Handprint()), "Nog geen gerealiseerde bijdragen aan de SDG's.")
    }

    func testFormats() {
        XCTAssertEqual(PageFormat.euros(0), "€ 0")
        XCTAssertEqual(PageFormat.euros(123_456_789), "€ 1.234.567")
        XCTAssertEqual(PageFormat.euros(99_999), "€ 999")
        XCTAssertEqual(PageFormat.textColour(on: "#FCC30B"), "#1a1a1a")
        XCTAssertEqual(PageFormat.textColour(on: "#19486A"), "#fff")
        XCTAssertEqual(HTMLText.escape("<a href='x'>&\"</a>"), "&lt;a href=&#39;x&#39;&gt;&amp;&quot;&lt;/a&gt;")
    }

    func testTemplatesParse() throws {
        _ = try PageRenderer.shared.get()
    }
}
