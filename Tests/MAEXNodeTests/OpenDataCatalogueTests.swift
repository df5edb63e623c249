import Foundation
import Hummingbird
import MAEXCore
import XCTest

@testable import MAEXNode

/// The social-return catalogue `/aanbod`: every offer, filtered by words, kind, social return
/// and area, all together.
final class OpenDataCatalogueTests: XCTestCase {
    func testCatalogueFiltersOffers() async throws {
        let seeded = try OpenDataTestNode()
        defer { seeded.remove() }
        let repair = seeded.ids["repairOffer"] ?? ""
        let food = seeded.ids["foodOffer"] ?? ""
        func offers(_ query: String, line: UInt = #line) async throws -> [String] {
            let (status, html) = try await seeded.get("/aanbod\(query)")
            XCTAssertEqual(status, .ok, query, line: line)
            let regex = try NSRegularExpression(pattern: #"data-offer="([0-9a-f-]{36})""#)
            return regex.matches(in: html, range: NSRange(html.startIndex..., in: html)).compactMap { match in
                Range(match.range(at: 1), in: html).map { String(html[$0]) }
            }
        }
        let everything = try await offers("")
        XCTAssertEqual(everything, [repair, food], "by name: Reparatie op locatie, Voedselpakket")
        let socialReturn = try await offers("?social_return=1")
        XCTAssertEqual(socialReturn, [repair])
        let products = try await offers("?soort=product")
        XCTAssertEqual(products, [food])
        let described = try await offers("?zoek=LANGS")
        XCTAssertEqual(described, [repair], "words in the description")
        let byInitiative = try await offers("?zoek=voedselbank")
        XCTAssertEqual(byInitiative, [food], "words in the initiative's name")
        let province = try await offers("?gebied=PV29&social_return=1")
        XCTAssertEqual(province, [repair])
        let elsewhere = try await offers("?gebied=GM0687")
        XCTAssertEqual(elsewhere, [])
        let nothing = try await offers("?zoek=fiets")
        XCTAssertEqual(nothing, [])
        let (_, html) = try await seeded.get("/aanbod?zoek=%3Cscript%3E")
        XCTAssertFalse(html.contains("<script>"), "the search text is escaped")
        XCTAssertTrue(html.contains("0 aanbiedingen gevonden"))
        let (_, full) = try await seeded.get("/aanbod")
        XCTAssertTrue(full.contains("op aanvraag") && full.contains("Jan, 0118 123456"), "price and contact shown")
    }
}
