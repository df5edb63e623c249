/// A fund's money, derived from its pledges, decisions and payments. Pure and deterministic:
/// decisions are counted in `LedgerOrder`, so a grant that would take the fund past its
/// budget is `over_budget` (void) on every node, also when two decisions were signed
/// concurrently. The budget is never overspent in this view.
public struct FundLedger: Sendable {
    /// Every decision with how it counts, in ledger order.
    public private(set) var decisions: [(decision: LedgerDecision, standing: LedgerStanding)] = []
    /// Every payment with how it counts, in ledger order.
    public private(set) var payments: [(payment: LedgerPayment, standing: LedgerStanding)] = []
    /// The sum of the pledges.
    public let budgetCents: Int64
    /// The sum of the valid grants.
    public private(set) var grantedCents: Int64 = 0
    /// The sum of the valid payments.
    public private(set) var paidCents: Int64 = 0

    /// What is left to grant.
    public var leftCents: Int64 { budgetCents - grantedCents }

    /// Derives the ledger.
    public init(pledges: [LedgerPledge], decisions: [LedgerDecision], payments: [LedgerPayment]) {
        budgetCents = pledges.reduce(0) { $0 + max(0, $1.amountCents) }
        var granted: [String: Int64] = [:]
        for decision in decisions.sorted(by: { $0.order < $1.order }) {
            let standing: LedgerStanding
            if granted[decision.application] != nil {
                standing = .void
            } else if decision.isGrant, decision.amountCents > budgetCents - grantedCents || decision.amountCents <= 0 {
                standing = .overBudget
            } else {
                standing = .valid
                if decision.isGrant {
                    granted[decision.application] = decision.amountCents
                    grantedCents += decision.amountCents
                }
            }
            self.decisions.append((decision, standing))
        }
        var paid: [String: Int64] = [:]
        for payment in payments.sorted(by: { $0.order < $1.order }) {
            let already = paid[payment.application] ?? 0
            let valid = payment.amountCents > 0 && already + payment.amountCents <= (granted[payment.application] ?? 0)
            if valid {
                paid[payment.application] = already + payment.amountCents
                paidCents += payment.amountCents
            }
            self.payments.append((payment, valid ? .valid : .void))
        }
    }

    /// The decision that stands for `application`: its valid grant, else its last valid
    /// decision; `nil` when undecided.
    public func standingDecision(of application: String) -> LedgerDecision? {
        decisions.last { $0.decision.application == application && $0.standing == .valid }?.decision
    }

    /// The valid payments of `application`, in ledger order.
    public func validPayments(of application: String) -> [LedgerPayment] {
        payments.filter { $0.payment.application == application && $0.standing == .valid }.map(\.payment)
    }
}
