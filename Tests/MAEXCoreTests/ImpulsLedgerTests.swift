import MAEXCore
import MAEXTestSupport
import XCTest

/// The fund ledger: budget, granted, paid, left; never overspent, whatever order decisions
/// arrive in; lead times.
final class ImpulsLedgerTests: XCTestCase {
    private let fundNode = SigningKey().nodeID
    private let secondFundNode = SigningKey().nodeID

    private func grant(_ id: String, _ application: String, _ cents: Int64, at ms: Int64, by author: NodeID? = nil, decided: String = "2026-03-10")
        -> LedgerDecision
    {
        LedgerDecision(
            order: LedgerOrder(hlc: HLCTimestamp(milliseconds: ms, counter: 0), author: author ?? fundNode, id: id), application: application,
            outcome: "toegekend", amountCents: cents, decided: decided)
    }

    private func pay(_ id: String, _ application: String, _ cents: Int64, at ms: Int64, date: String = "2026-03-15") -> LedgerPayment {
        LedgerPayment(order: LedgerOrder(hlc: HLCTimestamp(milliseconds: ms, counter: 0), author: fundNode, id: id), application: application, amountCents: cents, date: date)
    }

    private let pledges = [
        LedgerPledge(id: "p1", funder: "Provincie Zeeland", kind: "provincie", amountCents: 200_000),
        LedgerPledge(id: "p2", funder: "Rabobank", kind: "bank", amountCents: 100_000),
    ]

    func testBudgetGrantedPaidAndLeft() {
        let ledger = FundLedger(
            pledges: pledges, decisions: [grant("d1", "a1", 100_000, at: 10), grant("d2", "a2", 150_000, at: 20)],
            payments: [pay("m1", "a1", 60_000, at: 30), pay("m2", "a1", 40_000, at: 31)])
        XCTAssertEqual(ledger.budgetCents, 300_000)
        XCTAssertEqual(ledger.grantedCents, 250_000)
        XCTAssertEqual(ledger.paidCents, 100_000)
        XCTAssertEqual(ledger.leftCents, 50_000)
        XCTAssertEqual(ledger.decisions.map(\.standing), [.valid, .valid])
    }

    func testConcurrentGrantsBeyondTheBudgetAreOrderedAlikeAndTheLaterOneIsVoid() {
        // Two fund nodes signed grants for the last 200,000 at the same clock reading.
        let first = grant("d1", "a1", 200_000, at: 50, by: fundNode)
        let second = grant("d2", "a2", 200_000, at: 50, by: secondFundNode)
        let earlier = grant("d0", "a0", 100_000, at: 10)
        let orders = [[earlier, first, second], [second, first, earlier], [first, earlier, second], [second, earlier, first]]
        let expectedWinner = fundNode < secondFundNode ? "a1" : "a2"
        for decisions in orders {
            let ledger = FundLedger(pledges: pledges, decisions: decisions, payments: [])
            XCTAssertEqual(ledger.grantedCents, 300_000)
            XCTAssertEqual(ledger.leftCents, 0)
            XCTAssertLessThanOrEqual(ledger.grantedCents, ledger.budgetCents)
            XCTAssertEqual(ledger.decisions.map(\.decision.order.id).first, "d0")
            let valid = ledger.decisions.filter { $0.standing == .valid && $0.decision.isGrant }.map(\.decision.application)
            XCTAssertEqual(valid, ["a0", expectedWinner])
            XCTAssertEqual(ledger.decisions.filter { $0.standing == .overBudget }.count, 1)
        }
    }

    func testRandomDecisionsNeverOverspendAndEveryOrderGivesTheSameLedger() {
        var generator = SeededGenerator(seed: 0x1A9E_5EED)
        for _ in 0..<50 {
            let decisions = (0..<12).map { index in
                grant("d\(index)", "a\(index % 9)", Int64.random(in: 10_000...120_000, using: &generator), at: Int64.random(in: 0...20, using: &generator),
                      by: Bool.random(using: &generator) ? fundNode : secondFundNode)
            }
            let reference = FundLedger(pledges: pledges, decisions: decisions, payments: [])
            XCTAssertLessThanOrEqual(reference.grantedCents, reference.budgetCents)
            let shuffled = FundLedger(pledges: pledges, decisions: decisions.shuffled(using: &generator), payments: [])
            XCTAssertEqual(shuffled.grantedCents, reference.grantedCents)
            XCTAssertEqual(shuffled.decisions.map(\.decision), reference.decisions.map(\.decision))
            XCTAssertEqual(shuffled.decisions.map(\.standing), reference.decisions.map(\.standing))
            let perApplication = Dictionary(grouping: reference.decisions.filter { $0.standing == .valid && $0.decision.isGrant }, by: \.decision.application)
            XCTAssertTrue(perApplication.values.allSatisfy { $0.count == 1 }, "one grant per application")
        }
    }

    func testASecondGrantForTheSameApplicationAndPaymentsBeyondTheGrantAreVoid() {
        let ledger = FundLedger(
            pledges: pledges, decisions: [grant("d1", "a1", 100_000, at: 10), grant("d2", "a1", 100_000, at: 11)],
            payments: [pay("m1", "a1", 80_000, at: 20), pay("m2", "a1", 30_000, at: 21), pay("m3", "a9", 10_000, at: 22)])
        XCTAssertEqual(ledger.decisions.map(\.standing), [.valid, .void])
        XCTAssertEqual(ledger.grantedCents, 100_000)
        XCTAssertEqual(ledger.payments.map(\.standing), [.valid, .void, .void])
        XCTAssertEqual(ledger.paidCents, 80_000)
    }

    func testALaterDecisionReplacesAQuestionButNotAGrant() {
        let question = LedgerDecision(
            order: LedgerOrder(hlc: HLCTimestamp(milliseconds: 5, counter: 0), author: fundNode, id: "q"), application: "a1", outcome: "meer-info",
            amountCents: 0, decided: "2026-03-01", reason: "Graag een begroting")
        let ledger = FundLedger(pledges: pledges, decisions: [question, grant("d1", "a1", 100_000, at: 10)], payments: [])
        XCTAssertEqual(ledger.standingDecision(of: "a1")?.outcome, "toegekend")
        XCTAssertNil(ledger.standingDecision(of: "a2"))
    }

    func testLeadTimesAndTheirMedians() {
        let ledger = FundLedger(
            pledges: pledges,
            decisions: [grant("d1", "a1", 50_000, at: 1, decided: "2026-03-10"), grant("d2", "a2", 50_000, at: 2, decided: "2026-03-20"),
                        grant("d3", "a3", 50_000, at: 3, decided: "2026-03-03")],
            payments: [pay("m1", "a1", 50_000, at: 4, date: "2026-03-15"), pay("m2", "a2", 50_000, at: 5, date: "2026-03-21")])
        let lead = LeadTimes(applications: [("a1", "2026-03-01"), ("a2", "2026-03-01"), ("a3", "2026-03-01"), ("a4", "2026-03-01")], ledger: ledger)
        XCTAssertEqual(lead.toDecision, [2, 9, 19])
        XCTAssertEqual(lead.medianToDecision, 9)
        XCTAssertEqual(lead.toPayment, [14, 20])
        XCTAssertEqual(lead.medianToPayment, 17)
        XCTAssertNil(LeadTimes.median([]))
    }
}
