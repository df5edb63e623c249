import MAEXCore
import XCTest

/// `merge.json`: every scenario gives the expected register in every delivery order.
final class GoldenVectorMergeTests: XCTestCase {
    func testEveryDeliveryOrderThroughTheReceiveRulesGivesTheExpectedState() throws {
        let document = try VectorJSON.load("merge.json")
        let now = try document.vectorInt("now_ms")
        let scenarios = try document.vectorArray("cases")
        XCTAssertGreaterThanOrEqual(scenarios.count, 7)
        var ordersChecked = 0
        for scenario in scenarios {
            let name = try scenario.vectorString("name")
            let signed = try changeSets(of: scenario, in: document)
            let expected = try scenario.vectorMember("expected")
            try checkDigestLines(expected, name: name)
            for order in VectorOrders.permutations(signed.count) {
                var replica = MemoryReplica(realm: try document.vectorString("realm"))
                for index in order { replica.receive(signed[index], nowMilliseconds: now) }
                let label = "\(name), order \(order)"
                assertSameJSON(VectorDescription.state(replica.register), expected, label)
                assertSameJSON(VectorDescription.vector(replica.forkedFrom), try scenario.vectorMember("forks"), label)
                XCTAssertTrue(replica.pending.isEmpty, "\(label): nothing stays pending")
                ordersChecked += 1
            }
        }
        XCTAssertGreaterThan(ordersChecked, 1000)
    }

    func testEveryCausalOrderAppliedToTheRegisterGivesTheExpectedState() throws {
        let document = try VectorJSON.load("merge.json")
        var scenariosChecked = 0
        for scenario in try document.vectorArray("cases") {
            // Scenarios with forks need the receive rules; the others merge by the register alone.
            guard let count = scenario.objectValue?["causal_orders"]?.intValue else { continue }
            let name = try scenario.vectorString("name")
            let changeSets = try changeSets(of: scenario, in: document).map(\.changeSet)
            let orders = VectorOrders.causalOrders(changeSets)
            XCTAssertEqual(Int64(orders.count), count, name)
            XCTAssertGreaterThan(orders.count, 1, "\(name): a scenario with one order proves no independence of order")
            for order in orders {
                var register = Register()
                for index in order { register.apply(changeSets[index]) }
                assertSameJSON(VectorDescription.state(register), try scenario.vectorMember("expected"), "\(name), order \(order)")
            }
            scenariosChecked += 1
        }
        XCTAssertGreaterThanOrEqual(scenariosChecked, 6)
    }

    func testConflictWinnersAreTheGreatestClockAuthorSequence() throws {
        let document = try VectorJSON.load("merge.json")
        var conflicts = 0
        for scenario in try document.vectorArray("cases") {
            let name = try scenario.vectorString("name")
            let signed = try changeSets(of: scenario, in: document)
            let clocks = Dictionary(signed.map { ($0.changeSet.ref, $0.changeSet.hlc) }, uniquingKeysWith: { first, _ in first })
            for conflict in try scenario.vectorMember("expected").vectorArray("conflicts") {
                let winner = try ref(try conflict.vectorMember("winner"))
                for loser in try conflict.vectorArray("losers").map(ref) {
                    let key = { (ref: ChangeRef) in (clocks[ref] ?? .zero, ref.author.rawBytes, ref.seq) }
                    XCTAssertTrue(Self.less(key(loser), key(winner)), "\(name): \(loser) loses to \(winner)")
                    conflicts += 1
                }
            }
        }
        XCTAssertGreaterThanOrEqual(conflicts, 4)
    }

    private static func less(_ lhs: (HLCTimestamp, [UInt8], Int64), _ rhs: (HLCTimestamp, [UInt8], Int64)) -> Bool {
        if lhs.0 != rhs.0 { return lhs.0 < rhs.0 }
        if lhs.1 != rhs.1 { return lhs.1.lexicographicallyPrecedes(rhs.1) }
        return lhs.2 < rhs.2
    }

    private func ref(_ value: JSONValue) throws -> ChangeRef {
        guard let pair = value.arrayValue, pair.count == 2, let hex = pair[0].stringValue, let seq = pair[1].intValue else {
            throw VectorJSON.VectorError(description: "expected [author, seq], found \(value.canonicalString)")
        }
        return ChangeRef(author: try NodeID(hex: hex), seq: seq)
    }

    private func changeSets(of scenario: JSONValue, in document: JSONValue) throws -> [SignedChangeSet] {
        let keys = try GoldenVector.keys()
        let realm = try document.vectorString("realm")
        return try scenario.vectorArray("changesets").map { try GoldenVector.open($0, keys: keys, realm: realm) }
    }

    /// The digest is SHA-256 over the lines, each followed by a newline: computed from the
    /// vector's lines alone, it matches the vector's digest.
    private func checkDigestLines(_ expected: JSONValue, name: String) throws {
        let lines = try expected.vectorArray("lines").compactMap(\.stringValue)
        XCTAssertFalse(lines.isEmpty, name)
        XCTAssertEqual(VectorDescription.digest(lines: lines), try expected.vectorString("digest"), "\(name): digest of the lines")
        for line in lines {
            XCTAssertEqual(try JSONValue(canonicalBytes: Array(line.utf8)).canonicalString, line, "\(name): a line is canonical JSON")
        }
    }
}

/// Asserts two JSON values have the same canonical bytes (string comparison alone would treat
/// canonically equivalent Unicode as equal).
func assertSameJSON(_ actual: JSONValue, _ expected: JSONValue, _ message: String, file: StaticString = #filePath, line: UInt = #line) {
    if actual.canonicalBytes != expected.canonicalBytes {
        XCTFail("\(message):\n  actual   \(actual.canonicalString)\n  expected \(expected.canonicalString)", file: file, line: line)
    }
}
