/// The MAEX Impuls records a node holds, and the views derived from them. Pure: built from
/// register records, so every node holding the same change sets derives the same views.
public struct ImpulsRecords: Sendable {
    /// Live records by type, each as (id, state).
    private var byType: [String: [(id: String, state: RecordState)]] = [:]

    /// Collects the live records of the Impuls types (and initiatives) among `records`.
    public init(_ records: [(key: RecordKey, state: RecordState)]) {
        for (key, state) in records.sorted(by: { $0.key < $1.key }) where !state.isDeleted {
            byType[key.type, default: []].append((key.id, state))
        }
    }

    /// The live records of `type`, in id order.
    public func records(_ type: String) -> [(id: String, state: RecordState)] { byType[type] ?? [] }

    /// The fund record of `code`: of several, the first created (clock of its `name`, then id).
    public func fund(_ code: String) -> (id: String, terms: FundTerms)? {
        let candidates = records(RecordSchema.fund.type).compactMap { entry -> (LedgerOrder, String, FundTerms)? in
            guard let terms = FundTerms(record: entry.state), terms.code == code,
                let order = LedgerOrder(id: entry.id, record: entry.state, field: "name")
            else { return nil }
            return (order, entry.id, terms)
        }
        guard let first = candidates.min(by: { $0.0 < $1.0 }) else { return nil }
        return (first.1, first.2)
    }

    /// Every fund code held, sorted.
    public var fundCodes: [String] {
        Set(records(RecordSchema.fund.type).compactMap { FundTerms(record: $0.state)?.code }).sorted()
    }

    /// The state of a live record.
    public func record(_ type: String, id: String) -> RecordState? { records(type).first { $0.id == id }?.state }

    /// The fund's pledges.
    public func pledges(of code: String) -> [LedgerPledge] {
        homed(RecordSchema.pledge.type, code).compactMap { entry in
            let values = RecordValues(state: entry.state)
            guard let amount = values.int("amount_cents") else { return nil }
            return LedgerPledge(id: entry.id, funder: values.string("funder") ?? "", kind: values.string("funder_kind") ?? "", amountCents: amount)
        }
    }

    /// The applications to the fund.
    public func applications(to code: String) -> [ApplicationEntry] {
        records(RecordSchema.application.type).compactMap { ApplicationEntry(id: $0.id, record: $0.state) }.filter { $0.fundCode == code }
    }

    /// The fund's ledger from its pledges, decisions and payments.
    public func ledger(of code: String) -> FundLedger {
        let decisions = homed(RecordSchema.decision.type, code).compactMap { entry -> LedgerDecision? in
            let values = RecordValues(state: entry.state)
            guard let order = LedgerOrder(id: entry.id, record: entry.state, field: "outcome"), let application = values.string("application"),
                let outcome = values.string("outcome"), let decided = values.string("decided")
            else { return nil }
            return LedgerDecision(
                order: order, application: application, outcome: outcome, amountCents: values.int("amount_cents") ?? 0, decided: decided,
                reason: values.string("reason"))
        }
        let payments = homed(RecordSchema.payment.type, code).compactMap { entry -> LedgerPayment? in
            let values = RecordValues(state: entry.state)
            guard let order = LedgerOrder(id: entry.id, record: entry.state, field: "amount_cents"),
                let application = values.string("application"), let amount = values.int("amount_cents"), let date = values.string("date")
            else { return nil }
            return LedgerPayment(order: order, application: application, amountCents: amount, date: date)
        }
        return FundLedger(pledges: pledges(of: code), decisions: decisions, payments: payments)
    }

    /// The applications that have an accountability report.
    public var reportedApplications: Set<String> {
        Set(records(RecordSchema.report.type).compactMap { RecordValues(state: $0.state).string("application") })
    }

    /// The fund's earlier valid grants to `initiative`, with whether each was accounted for.
    public func earlierGrants(of initiative: String, fund code: String) -> [EarlierGrant] {
        let ledger = ledger(of: code)
        let reported = reportedApplications
        let mine = Set(applications(to: code).filter { $0.initiative == initiative }.map(\.id))
        return ledger.decisions.filter { $0.standing == .valid && $0.decision.isGrant && mine.contains($0.decision.application) }
            .map { EarlierGrant(decided: $0.decision.decided, accounted: reported.contains($0.decision.application)) }
    }

    /// The records of `type` homed in fund `code`.
    private func homed(_ type: String, _ code: String) -> [(id: String, state: RecordState)] {
        records(type).filter { $0.state.value(of: AuthorityRules.fundField)?.stringValue == code }
    }
}
