import MAEXCore
import XCTest

/// The MAEX Impuls record types: their fields, cross-field rules and who may write them.
final class ImpulsSchemaTests: XCTestCase {
    private let fundNode = SigningKey().nodeID
    private let town = SigningKey().nodeID
    private let root = SigningKey().nodeID

    func testEveryImpulsTypeIsARegisterTypeWithOneHomeField() throws {
        for schema in RecordSchema.impulsTypes {
            XCTAssertEqual(try RecordSchema.named(schema.type).type, schema.type)
            let homes = schema.fields.filter { AuthorityRules.homeRole(of: $0.name) != nil }
            XCTAssertEqual(homes.count, 1, "\(schema.type) has exactly one home field")
            XCTAssertTrue(homes.allSatisfy(\.required), schema.type)
        }
        XCTAssertEqual(try RecordSchema.application.field("fund_code").kind, .code(.word))
        XCTAssertThrowsError(try RecordSchema.application.field("fund"), "an application is not homed in the fund")
    }

    func testCrossFieldRules() {
        let fund: [String: JSONValue] = [
            "fund": .string("impuls-zeeland"), "name": .string("Impuls"), "amount_min_cents": .int(300), "amount_max_cents": .int(200),
        ]
        XCTAssertThrowsError(try RecordValidator.validateNew(type: "fund", fund)) { error in
            XCTAssertEqual((error as? SchemaError)?.field, "amount_max_cents")
        }
        let declined: [String: JSONValue] = [
            "fund": .string("impuls-zeeland"), "application": .string(UUID().uuidString.lowercased()), "outcome": .string("afgewezen"),
            "decided": .string("2026-03-01"),
        ]
        XCTAssertThrowsError(try RecordValidator.validateNew(type: "decision", declined)) { error in
            XCTAssertEqual((error as? SchemaError)?.field, "reason")
        }
        var granted = declined
        granted["outcome"] = .string("toegekend")
        XCTAssertThrowsError(try RecordValidator.validateNew(type: "decision", granted))
        granted["amount_cents"] = .int(100_000)
        XCTAssertNoThrow(try RecordValidator.validateNew(type: "decision", granted))
        granted["application"] = .string("not-an-id")
        XCTAssertThrowsError(try RecordValidator.validateNew(type: "decision", granted))
        let report: [String: JSONValue] = [
            "initiative": .string(UUID().uuidString.lowercased()), "municipality": .string("GM0718"),
            "application": .string(UUID().uuidString.lowercased()), "date": .string("2026-05-01"),
        ]
        XCTAssertThrowsError(try RecordValidator.validateNew(type: "report", report), "a summary or a link")
    }

    private func changeSet(by author: NodeID, _ type: String, _ fields: [String: JSONValue]) -> ChangeSet {
        let record = RecordKey(type: type, id: UUID().uuidString.lowercased())
        let ops = fields.keys.sorted().map { ChangeOperation.set(SetOperation(record: record, field: $0, value: fields[$0] ?? .null)) }
        return ChangeSet(realm: "maex", author: author, seq: 2, prev: nil, hlc: HLCTimestamp(milliseconds: 1, counter: 0), ops: ops)
    }

    private func verdict(_ changeSet: ChangeSet, _ grant: Grant) -> AuthorityVerdict {
        AuthorityRules.check(changeSet, view: AuthorityView(grants: [grant]), root: root)
    }

    func testOnlyTheFundsNodeWritesDecisionsAndOnlyTheHostingNodeWritesApplications() {
        let fundGrant = Grant(node: fundNode, role: .fund, scope: ["impuls-zeeland"])
        let townGrant = Grant(node: town, role: .municipality, scope: ["GM0718"])
        let decision: [String: JSONValue] = ["fund": .string("impuls-zeeland"), "outcome": .string("toegekend")]
        let application: [String: JSONValue] = ["municipality": .string("GM0718"), "fund_code": .string("impuls-zeeland")]
        XCTAssertEqual(verdict(changeSet(by: fundNode, "decision", decision), fundGrant), .allowed)
        XCTAssertEqual(verdict(changeSet(by: town, "application", application), townGrant), .allowed)
        guard case .refused(let reason) = verdict(changeSet(by: town, "decision", decision), townGrant) else {
            return XCTFail("a municipality node may not decide")
        }
        XCTAssertTrue(reason.contains("impuls-zeeland"), reason)
        guard case .refused(let other) = verdict(changeSet(by: fundNode, "application", application), fundGrant) else {
            return XCTFail("a fund node may not apply for an initiative")
        }
        XCTAssertTrue(other.contains("GM0718"), other)
        let otherFund: [String: JSONValue] = ["fund": .string("impuls-brabant"), "outcome": .string("toegekend")]
        XCTAssertNotEqual(verdict(changeSet(by: fundNode, "decision", otherFund), fundGrant), .allowed, "only its own fund")
    }
}
