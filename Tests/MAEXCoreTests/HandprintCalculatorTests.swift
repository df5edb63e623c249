import MAEXCore
import XCTest

final class HandprintCalculatorTests: XCTestCase {
    private func profiles() throws -> [InitiativeProfile] {
        [
            try XCTUnwrap(HandprintFixture.initiative(1, municipality: "GM0718", consent: true)),
            try XCTUnwrap(HandprintFixture.initiative(2, municipality: "GM0718", consent: false)),
            try XCTUnwrap(HandprintFixture.initiative(3, municipality: "GM0687", consent: true)),
            try XCTUnwrap(HandprintFixture.initiative(4, municipality: "GM0363", consent: true)),  // Amsterdam: no province known here
        ]
    }

    private func contributions() throws -> [Contribution] {
        [
            try XCTUnwrap(HandprintFixture.contribution(1, initiative: 1, goal: 12, quantity: 10, centsPerUnit: 2_500)),  // 25 000
            try XCTUnwrap(HandprintFixture.contribution(2, initiative: 1, goal: 13, quantity: 3, centsPerUnit: 10_000)),  // 30 000
            try XCTUnwrap(HandprintFixture.contribution(3, initiative: 2, goal: 12, quantity: 4, centsPerUnit: 2_500)),  // hidden
            try XCTUnwrap(HandprintFixture.contribution(4, initiative: 3, goal: 12, quantity: 2, centsPerUnit: 2_500)),  // 5 000
            try XCTUnwrap(HandprintFixture.contribution(5, initiative: 4, goal: 1, quantity: 1, centsPerUnit: 250_000)),
            try XCTUnwrap(HandprintFixture.contribution(6, initiative: 1, goal: 12, quantity: 99, centsPerUnit: 100, kind: "prognose")),
            try XCTUnwrap(HandprintFixture.contribution(7, initiative: 99, goal: 12, quantity: 1, centsPerUnit: 1)),  // no such initiative
        ]
    }

    func testSumsPerInitiativeAndHidesValuesWithoutConsent() throws {
        let report = HandprintCalculator().report(initiatives: try profiles(), contributions: try contributions())
        let first = report.initiative(HandprintFixture.id(1))
        XCTAssertEqual(first.goal(12).valueCents, 25_000)
        XCTAssertEqual(first.goal(12).contributions, 1, "the forecast is not counted in the realised handprint")
        XCTAssertEqual(first.goal(13).valueCents, 30_000)
        XCTAssertEqual(first.valueCents, 55_000)
        XCTAssertEqual(first.activeGoals, [12, 13])

        let hidden = report.initiative(HandprintFixture.id(2))
        XCTAssertEqual(hidden.goal(12).contributions, 1, "counts are always public")
        XCTAssertEqual(hidden.goal(12).undisclosed, 1)
        XCTAssertEqual(hidden.goal(12).valueCents, 0, "no euro value without consent")
    }

    func testSumsPerMunicipalityProvinceAndNationally() throws {
        let report = HandprintCalculator().report(initiatives: try profiles(), contributions: try contributions())
        let vlissingen = report.municipality("GM0718")
        XCTAssertEqual(vlissingen.goal(12).contributions, 2)
        XCTAssertEqual(vlissingen.goal(12).valueCents, 25_000)
        XCTAssertEqual(vlissingen.goal(12).undisclosed, 1)
        XCTAssertEqual(vlissingen.initiatives, [HandprintFixture.id(1), HandprintFixture.id(2)])

        let zeeland = report.province("PV29")
        XCTAssertEqual(zeeland.goal(12).contributions, 3)
        XCTAssertEqual(zeeland.goal(12).valueCents, 30_000)
        XCTAssertEqual(zeeland.goal(1).contributions, 0, "Amsterdam is not in Zeeland")
        XCTAssertEqual(zeeland.initiatives.count, 3)

        XCTAssertEqual(report.national.goal(1).valueCents, 250_000)
        XCTAssertEqual(report.national.contributions, 5, "the forecast and the orphan line are left out")
        XCTAssertEqual(report.national.valueCents, 25_000 + 30_000 + 5_000 + 250_000)
        XCTAssertEqual(report.national.undisclosed, 1)
    }

    func testForecastsAndRevealedValuesOnRequest() throws {
        let calculator = HandprintCalculator(kinds: [.forecast, .realised], revealAllValues: true)
        let report = calculator.report(initiatives: try profiles(), contributions: try contributions())
        XCTAssertEqual(report.initiative(HandprintFixture.id(1)).goal(12).valueCents, 25_000 + 9_900)
        XCTAssertEqual(report.initiative(HandprintFixture.id(2)).goal(12).valueCents, 10_000)
        XCTAssertEqual(report.national.undisclosed, 0)
    }

    func testMergeAddsLinesAndValueIsQuantityTimesUnitValue() throws {
        var sum = Handprint()
        var other = Handprint()
        other.add(try XCTUnwrap(HandprintFixture.contribution(1, initiative: 1, goal: 3, quantity: 7, centsPerUnit: 300)), valuePublic: true)
        sum.merge(other)
        sum.merge(other)
        XCTAssertEqual(sum.goal(3).contributions, 2)
        XCTAssertEqual(sum.goal(3).valueCents, 4_200)
        XCTAssertEqual(sum.goals.count, 17)
        XCTAssertEqual(sum.initiatives.count, 1)
    }

    func testContributionRecordWithoutRequiredValuesIsNotCounted() {
        var values = HandprintFixture.contributionValues(initiative: 1)
        values["goal"] = .int(18)
        XCTAssertNil(Contribution(id: HandprintFixture.id(5), state: HandprintFixture.state(values)))
        values["goal"] = .int(4)
        values["kind"] = .string("gedroomd")
        XCTAssertNil(Contribution(id: HandprintFixture.id(5), state: HandprintFixture.state(values)))
        values["kind"] = .string("prognose")
        XCTAssertEqual(Contribution(id: HandprintFixture.id(5), state: HandprintFixture.state(values))?.kind, .forecast)
    }
}
