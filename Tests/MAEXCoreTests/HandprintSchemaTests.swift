import MAEXCore
import XCTest

final class HandprintSchemaTests: XCTestCase {
    func testSubRecordTypesAreRegistered() throws {
        for type in ["initiative", "contribution", "need", "offer", "partner"] {
            XCTAssertEqual(try RecordSchema.named(type).type, type)
        }
        XCTAssertThrowsError(try RecordSchema.named("event")) { XCTAssertEqual($0 as? SchemaError, .unknownType("event")) }
        for schema in RecordSchema.subRecords {
            XCTAssertEqual(schema.fields.prefix(2).map(\.name), ["initiative", "municipality"], schema.type)
            XCTAssertTrue(schema.fields.prefix(2).allSatisfy(\.required), schema.type)
        }
    }

    func testValidContributionPasses() throws {
        try RecordValidator.validateNew(type: "contribution", HandprintFixture.contributionValues(initiative: 1))
    }

    func testContributionRules() {
        var values = HandprintFixture.contributionValues(initiative: 1, quantity: 10, centsPerUnit: 2_500)
        values["total_cents"] = .int(25_001)
        assertInvalid("contribution", values, field: "total_cents")

        values = HandprintFixture.contributionValues(initiative: 1, goal: 12)
        values["target"] = .string("3.4")
        assertInvalid("contribution", values, field: "target")
        values["target"] = .string("12.5")
        XCTAssertNoThrow(try RecordValidator.validateNew(type: "contribution", values))

        values["goal"] = .int(18)
        assertInvalid("contribution", values, field: "goal")

        values = HandprintFixture.contributionValues(initiative: 1)
        values["quantity"] = .int(-1)
        assertInvalid("contribution", values, field: "quantity")

        values = HandprintFixture.contributionValues(initiative: 1)
        values["initiative"] = .string("Not-A-UUID")
        assertInvalid("contribution", values, field: "initiative")

        values = HandprintFixture.contributionValues(initiative: 1)
        values.removeValue(forKey: "municipality")
        XCTAssertThrowsError(try RecordValidator.validateNew(type: "contribution", values)) {
            XCTAssertEqual($0 as? SchemaError, .required(field: "municipality"))
        }
    }

    func testNeedOfferPartnerRules() throws {
        let parent: [String: JSONValue] = ["initiative": .string(HandprintFixture.id(1)), "municipality": .string("GM0718")]
        var need = parent.merging(["kind": .string("geld"), "description": .string("Nieuwe werkbank"), "status": .string("open")]) { $1 }
        assertInvalid("need", need, field: "amount_cents")
        need["amount_cents"] = .int(150_000)
        XCTAssertNoThrow(try RecordValidator.validateNew(type: "need", need))
        need["kind"] = .string("bitcoins")
        assertInvalid("need", need, field: "kind")

        let offer = parent.merging(["kind": .string("dienst"), "name": .string("Fietsreparatie"), "social_return": .bool(true)]) { $1 }
        XCTAssertNoThrow(try RecordValidator.validateNew(type: "offer", offer))
        assertInvalid("offer", offer.merging(["name": .string(String(repeating: "x", count: 201))]) { $1 }, field: "name")

        var partner = parent.merging(["organisation": .string("Rabobank"), "role": .string("financier"), "from": .string("2026-01-01")]) { $1 }
        XCTAssertNoThrow(try RecordValidator.validateNew(type: "partner", partner))
        partner["to"] = .string("2025-12-31")
        assertInvalid("partner", partner, field: "to")
    }

    func testCatalogueIsConsistent() {
        let catalogue = ValuationCatalogue.current
        XCTAssertEqual(catalogue.version, "2026.1")
        XCTAssertGreaterThanOrEqual(catalogue.entries.count, 10)
        XCTAssertEqual(Set(catalogue.entries.map(\.activity)).count, catalogue.entries.count, "activities are unique")
        for entry in catalogue.entries {
            XCTAssertTrue(CodePattern.word.matches(entry.activity), entry.activity)
            let sdg = SDG.number(entry.goal)
            XCTAssertNotNil(sdg, entry.activity)
            if let target = entry.target { XCTAssertEqual(sdg?.hasTarget(target), true, "\(entry.activity) target \(target)") }
            XCTAssertGreaterThan(entry.centsPerUnit, 0)
            XCTAssertTrue(entry.source.hasPrefix("illustratief"), "values are marked illustrative")
        }
        XCTAssertEqual(catalogue.entry(activity: "repair-item")?.goal, 12)
        XCTAssertNil(catalogue.entry(activity: "nothing"))
    }

    private func assertInvalid(_ type: String, _ values: [String: JSONValue], field: String, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertThrowsError(try RecordValidator.validateNew(type: type, values), file: file, line: line) {
            XCTAssertEqual(($0 as? SchemaError)?.field, field, "\($0)", file: file, line: line)
        }
    }
}
