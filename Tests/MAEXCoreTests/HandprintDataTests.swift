import MAEXCore
import XCTest

final class HandprintDataTests: XCTestCase {
    func testSeventeenGoalsWithOfficialColours() throws {
        XCTAssertEqual(SDG.all.map(\.number), Array(1...17))
        XCTAssertEqual(SDG.number(1)?.colour, "#E5243B")
        XCTAssertEqual(SDG.number(13)?.name, "Klimaatactie")
        XCTAssertEqual(SDG.number(17)?.colour, "#19486A")
        XCTAssertNil(SDG.number(0))
        XCTAssertNil(SDG.number(18))
        for goal in SDG.all {
            XCTAssertEqual(goal.colour.count, 7)
            XCTAssertTrue(goal.colour.dropFirst().allSatisfy(\.isHexDigit) && goal.colour == goal.colour.uppercased(), goal.colour)
        }
        XCTAssertEqual(Set(SDG.all.map(\.colour)).count, 17)
    }

    func testTargets() throws {
        let health = try XCTUnwrap(SDG.number(3))
        XCTAssertTrue(health.hasTarget("3.4"))
        XCTAssertTrue(health.hasTarget("3.d"))
        XCTAssertFalse(health.hasTarget("13.4"))
        XCTAssertFalse(health.hasTarget("3."))
        XCTAssertFalse(health.hasTarget("3.4.1"))
    }

    func testZeelandMunicipalities() {
        let zeeland = Municipalities.inProvince("PV29")
        XCTAssertEqual(zeeland.count, 13)
        XCTAssertEqual(Municipalities.named("GM0718")?.name, "Vlissingen")
        XCTAssertEqual(Municipalities.named("GM1714")?.corop, "CR31")
        XCTAssertEqual(Municipalities.name(of: "GM9999"), "GM9999")
        XCTAssertTrue(zeeland.allSatisfy { CodePattern.municipality.matches($0.code) })
        XCTAssertEqual(Municipalities.provinces["PV29"], "Zeeland")
    }

    func testCalendarDates() {
        XCTAssertEqual(CalendarDate.iso(milliseconds: 0), "1970-01-01")
        XCTAssertEqual(CalendarDate.iso(milliseconds: 1_780_000_000_000), "2026-05-28")
        XCTAssertEqual(CalendarDate.iso(milliseconds: 951_782_400_000), "2000-02-29")
        XCTAssertEqual(CalendarDate.iso(milliseconds: -1), "1969-12-31")
        XCTAssertEqual(CalendarDate.oneYearBefore("2026-05-28"), "2025-05-28")
        XCTAssertEqual(CalendarDate.oneYearBefore("2028-02-29"), "2027-02-28")
    }

    func testFreshnessAndOpenNeeds() throws {
        let fresh = try XCTUnwrap(HandprintFixture.initiative(1, consent: true, lastVerified: "2025-05-28"))
        XCTAssertFalse(fresh.isStale(on: "2026-05-28"), "exactly a year is not over a year")
        XCTAssertTrue(fresh.isStale(on: "2026-05-29"))
        XCTAssertTrue(try XCTUnwrap(HandprintFixture.initiative(2, consent: true)).isStale(on: "2026-01-01"), "never confirmed")

        let need = try XCTUnwrap(Need(id: HandprintFixture.id(9), state: HandprintFixture.state([
            "initiative": .string(HandprintFixture.id(1)), "municipality": .string("GM0718"), "kind": .string("vrijwilligers"),
            "description": .string("Hulp"), "status": .string("open"), "expires": .string("2026-06-01"),
        ])))
        XCTAssertTrue(need.isOpen(on: "2026-06-01"))
        XCTAssertFalse(need.isOpen(on: "2026-06-02"))
    }
}
