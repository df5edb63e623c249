import MAEXCore

/// The state of a fund as JSON: terms, co-funders, budget, every application with its
/// decision and payments, and lead times. Pure; what `impuls status` prints.
public enum FundStatus {
    /// The status of fund `code`, `nil` when not held.
    public static func json(_ code: String, in held: ImpulsRecords) -> JSONValue? {
        guard let fund = held.fund(code) else { return nil }
        let ledger = held.ledger(of: code)
        let applications = held.applications(to: code)
        let lead = LeadTimes(applications: applications.map { ($0.id, $0.submitted) }, ledger: ledger)
        let reported = held.reportedApplications
        return .object([
            "fund": .string(code), "id": .string(fund.id), "name": .string(fund.terms.name),
            "amount_min_cents": .int(fund.terms.amountMinCents), "amount_max_cents": .int(fund.terms.amountMaxCents),
            "budget_cents": .int(ledger.budgetCents), "granted_cents": .int(ledger.grantedCents), "paid_cents": .int(ledger.paidCents),
            "left_cents": .int(ledger.leftCents),
            "pledges": .array(held.pledges(of: code).map { .object(["funder": .string($0.funder), "kind": .string($0.kind), "amount_cents": .int($0.amountCents)]) }),
            "applications": .array(applications.map { application(of: $0, ledger: ledger, reported: reported.contains($0.id)) }),
            "decisions": .array(ledger.decisions.map { decision($0.decision, standing: $0.standing) }),
            "lead_time_days": .object([
                "to_decision": .array(lead.toDecision.map(JSONValue.int)), "to_payment": .array(lead.toPayment.map(JSONValue.int)),
                "median_to_decision": lead.medianToDecision.map { .string(String($0)) } ?? .null,
                "median_to_payment": lead.medianToPayment.map { .string(String($0)) } ?? .null,
            ]),
        ])
    }

    private static func application(of entry: ApplicationEntry, ledger: FundLedger, reported: Bool) -> JSONValue {
        let decision = ledger.standingDecision(of: entry.id)
        return .object([
            "id": .string(entry.id), "initiative": .string(entry.initiative), "municipality": .string(entry.municipality),
            "amount_cents": .int(entry.amountCents), "submitted": .string(entry.submitted),
            "status": .string(decision?.outcome ?? "ingediend"), "granted_cents": .int(decision?.isGrant == true ? decision?.amountCents ?? 0 : 0),
            "paid_cents": .int(ledger.validPayments(of: entry.id).reduce(0) { $0 + $1.amountCents }),
            "reason": decision?.reason.map(JSONValue.string) ?? .null, "reported": .bool(reported),
        ])
    }

    private static func decision(_ decision: LedgerDecision, standing: LedgerStanding) -> JSONValue {
        .object([
            "id": .string(decision.order.id), "application": .string(decision.application), "outcome": .string(decision.outcome),
            "amount_cents": .int(decision.amountCents), "decided": .string(decision.decided), "standing": .string(standing.rawValue),
        ])
    }
}
