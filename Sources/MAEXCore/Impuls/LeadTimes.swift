/// Lead times of a fund: days from submission to the final decision (granted or declined)
/// and to the first payment, with their medians. Pure.
public struct LeadTimes: Hashable, Sendable {
    /// Days from submission to decision, one per decided application.
    public var toDecision: [Int64]
    /// Days from submission to first payment, one per paid application.
    public var toPayment: [Int64]

    /// Measures the applications (`id` and submission day) against the ledger.
    public init(applications: [(id: String, submitted: String)], ledger: FundLedger) {
        var toDecision: [Int64] = []
        var toPayment: [Int64] = []
        for application in applications {
            if let decision = ledger.standingDecision(of: application.id), decision.outcome != "meer-info",
                let days = DayNumber.days(from: application.submitted, to: decision.decided)
            {
                toDecision.append(days)
            }
            if let first = ledger.validPayments(of: application.id).map(\.date).min(),
                let days = DayNumber.days(from: application.submitted, to: first)
            {
                toPayment.append(days)
            }
        }
        self.toDecision = toDecision.sorted()
        self.toPayment = toPayment.sorted()
    }

    /// The median days to a decision, `nil` when none.
    public var medianToDecision: Double? { Self.median(toDecision) }
    /// The median days to a payment, `nil` when none.
    public var medianToPayment: Double? { Self.median(toPayment) }

    /// The median of `values` (the mean of the middle two for an even count).
    public static func median(_ values: [Int64]) -> Double? {
        guard !values.isEmpty else { return nil }
        let sorted = values.sorted()
        let middle = sorted.count / 2
        return sorted.count % 2 == 1 ? Double(sorted[middle]) : Double(sorted[middle - 1] + sorted[middle]) / 2
    }
}
