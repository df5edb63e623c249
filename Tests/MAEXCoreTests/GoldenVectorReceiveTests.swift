import MAEXCore
import XCTest

/// `receive.json`: the outcome of every delivery and the node's final state.
final class GoldenVectorReceiveTests: XCTestCase {
    func testEveryDeliveryHasTheListedOutcome() throws {
        let document = try VectorJSON.load("receive.json")
        let realm = try document.vectorString("realm")
        let keys = try GoldenVector.keys()
        let scenarios = try document.vectorArray("cases")
        XCTAssertGreaterThanOrEqual(scenarios.count, 7)
        var outcomes: Set<String> = []
        for scenario in scenarios {
            let name = try scenario.vectorString("name")
            let signed = try scenario.vectorArray("changesets").map { try GoldenVector.open($0, keys: keys, realm: realm) }
            var replica = MemoryReplica(realm: realm)
            for (number, step) in try scenario.vectorArray("steps").enumerated() {
                let outcome = replica.receive(signed[Int(try step.vectorInt("deliver"))], nowMilliseconds: try step.vectorInt("now_ms"))
                assertSameJSON(VectorDescription.outcome(outcome), try step.vectorMember("expect"), "\(name), step \(number)")
                outcomes.insert(outcome.code)
            }
            let final = try scenario.vectorMember("final")
            assertSameJSON(VectorDescription.vector(replica.vector), try final.vectorMember("vector"), "\(name): vector")
            assertSameJSON(VectorDescription.vector(replica.forkedFrom), try final.vectorMember("forks"), "\(name): forks")
            assertSameJSON(VectorDescription.state(replica.register), try final.vectorMember("state"), "\(name): state")
        }
        XCTAssertEqual(outcomes, ["stored", "duplicate", "pending", "rejected", "fork"], "every outcome is exercised")
    }

    func testRefusedFutureClockIsDecidedByChainDecisionAlone() throws {
        // The same rule without the replica: five minutes ahead is the limit, inclusive.
        let document = try VectorJSON.load("receive.json")
        let scenario = try XCTUnwrap(
            try document.vectorArray("cases").first { try $0.vectorString("name") == "future-clock-refused-for-now" })
        let keys = try GoldenVector.keys()
        let signed = try scenario.vectorArray("changesets").map {
            try GoldenVector.open($0, keys: keys, realm: try document.vectorString("realm"))
        }
        let now = try scenario.vectorArray("steps")[0].vectorInt("now_ms")
        let context = ChainDecision.Context(head: nil, existingID: nil, nowMilliseconds: now)
        XCTAssertNotEqual(ChainDecision.decide(signed[0], in: context) { _ in true }, .apply)
        XCTAssertEqual(ChainDecision.decide(signed[1], in: context) { _ in true }, .apply)
        let later = ChainDecision.Context(head: nil, existingID: nil, nowMilliseconds: now + 1)
        XCTAssertEqual(ChainDecision.decide(signed[0], in: later) { _ in true }, .apply)
    }
}
