import MAEXCore
import MAEXStore

/// MAEX Impuls on this node: publishes funds and pledges, applies, decides, pays and reports,
/// each as one signed change set through `LocalAuthor`. The checks that need the register
/// (eligibility, the budget left, what was granted) are made here from `ImpulsRecords` and the
/// pure rules of `MAEXCore/Impuls`; a refused command throws `ImpulsError` and changes nothing.
/// Whether the node may write a record at all is the network's rule (`AuthorityRules`).
public struct ImpulsDesk: Sendable {
    /// The node's store.
    public let store: NodeStore
    /// The node's author.
    public let author: LocalAuthor

    /// Creates a desk.
    public init(store: NodeStore, author: LocalAuthor) {
        self.store = store
        self.author = author
    }

    /// The Impuls records this node holds.
    public func records() throws -> ImpulsRecords { try store.impulsRecords() }

    /// Publishes a fund with `values` (`RecordSchema.fund`).
    @discardableResult
    public func createFund(_ values: [String: JSONValue]) throws -> AuthoredChange {
        try create(RecordSchema.fund, values)
    }

    /// Records a co-funder's pledge to fund `code`, on the co-funder's behalf.
    @discardableResult
    public func pledge(fund code: String, _ values: [String: JSONValue]) throws -> AuthoredChange {
        guard try records().fund(code) != nil else { throw ImpulsError.unknownFund(code) }
        return try create(RecordSchema.pledge, values.merging([AuthorityRules.fundField: .string(code)]) { _, new in new })
    }

    /// The problems of applying for `amountCents` to fund `code` on `date` for `initiative`.
    public func eligibility(initiative: String, fund code: String, amountCents: Int64, date: String) throws -> [EligibilityProblem] {
        let held = try records()
        guard let fund = held.fund(code) else { throw ImpulsError.unknownFund(code) }
        let applicant = try applicant(initiative, fund: code, in: held)
        return Eligibility.problems(terms: fund.terms, applicant: applicant, amountCents: amountCents, date: date)
    }

    /// Applies for `initiative` to fund `code`: refused with every reason when not eligible.
    @discardableResult
    public func apply(initiative: String, fund code: String, amountCents: Int64, motivation: String, impact: String, date: String) throws
        -> AuthoredChange
    {
        let problems = try eligibility(initiative: initiative, fund: code, amountCents: amountCents, date: date)
        guard problems.isEmpty else { throw ImpulsError.notEligible(problems) }
        let municipality = try initiativeRecord(initiative).value(of: "municipality") ?? .null
        return try create(
            RecordSchema.application,
            [
                "initiative": .string(initiative), "municipality": municipality, "fund_code": .string(code), "amount_cents": .int(amountCents),
                "motivation": .string(motivation), "impact": .string(impact), "submitted": .string(date),
            ])
    }

    /// Decides on an application. A grant (amount defaults to what was asked) is refused when
    /// the applicant is not eligible (checked again here) or the budget left is too small.
    @discardableResult
    public func decide(application id: String, outcome: String, amountCents: Int64?, reason: String?, date: String) throws -> AuthoredChange {
        let held = try records()
        let application = try applicationEntry(id, in: held)
        guard let fund = held.fund(application.fundCode) else { throw ImpulsError.unknownFund(application.fundCode) }
        let ledger = held.ledger(of: fund.terms.code)
        if ledger.standingDecision(of: id)?.isGrant == true { throw ImpulsError.alreadyGranted(id) }
        var values: [String: JSONValue] = [
            AuthorityRules.fundField: .string(fund.terms.code), "application": .string(id), "initiative": .string(application.initiative),
            "outcome": .string(outcome), "decided": .string(date),
        ]
        if let reason, !reason.isEmpty { values["reason"] = .string(reason) }
        if outcome == "toegekend" {
            let amount = amountCents ?? application.amountCents
            let applicant = try applicant(application.initiative, fund: fund.terms.code, in: held)
            let problems = Eligibility.problems(terms: fund.terms, applicant: applicant, amountCents: amount, date: application.submitted)
            guard problems.isEmpty else { throw ImpulsError.notEligible(problems) }
            guard amount <= ledger.leftCents else { throw ImpulsError.budgetExhausted(askedCents: amount, leftCents: ledger.leftCents) }
            values["amount_cents"] = .int(amount)
        }
        return try create(RecordSchema.decision, values)
    }

    /// Records a payment of a granted application (amount defaults to what is still open).
    @discardableResult
    public func pay(application id: String, amountCents: Int64?, date: String) throws -> AuthoredChange {
        let held = try records()
        let application = try applicationEntry(id, in: held)
        let ledger = held.ledger(of: application.fundCode)
        guard let grant = ledger.standingDecision(of: id), grant.isGrant else { throw ImpulsError.notGranted(id) }
        let open = grant.amountCents - ledger.validPayments(of: id).reduce(0) { $0 + $1.amountCents }
        let amount = amountCents ?? open
        guard amount > 0, amount <= open else { throw ImpulsError.overpaid(application: id, leftCents: open) }
        return try create(
            RecordSchema.payment,
            [AuthorityRules.fundField: .string(application.fundCode), "application": .string(id), "amount_cents": .int(amount), "date": .string(date)])
    }

    /// Records the initiative's accountability for a grant: a summary, a link, or both.
    @discardableResult
    public func report(application id: String, summary: String?, link: String?, date: String) throws -> AuthoredChange {
        let application = try applicationEntry(id, in: try records())
        var values: [String: JSONValue] = [
            "initiative": .string(application.initiative), "municipality": .string(application.municipality), "application": .string(id),
            "date": .string(date),
        ]
        if let summary, !summary.isEmpty { values["summary"] = .string(summary) }
        if let link, !link.isEmpty { values["link"] = .string(link) }
        return try create(RecordSchema.report, values)
    }

    /// Records a partner's support (donation, partnership, knowledge, media) for an initiative.
    @discardableResult
    public func support(initiative: String, _ values: [String: JSONValue]) throws -> AuthoredChange {
        let municipality = try initiativeRecord(initiative).value(of: "municipality") ?? .null
        return try create(
            RecordSchema.support, values.merging(["initiative": .string(initiative), "municipality": municipality]) { _, new in new })
    }

    private func create(_ schema: RecordSchema, _ values: [String: JSONValue]) throws -> AuthoredChange {
        let values = values.filter { $0.value != .null }
        do { try RecordValidator.validateNew(type: schema.type, values) } catch { throw ImpulsError.invalid(error) }
        return try author.author(.create(RecordKey(type: schema.type, id: author.makeRecordID()), values))
    }

    private func initiativeRecord(_ id: String) throws -> RecordState {
        guard EnvelopeRules.isValidRecordID(id), let state = try store.record(RecordKey(type: RecordSchema.initiative.type, id: id)),
            !state.isDeleted
        else { throw ImpulsError.unknownInitiative(id) }
        return state
    }

    private func applicant(_ initiative: String, fund code: String, in held: ImpulsRecords) throws -> Applicant {
        Applicant(initiative: try initiativeRecord(initiative), earlierGrants: held.earlierGrants(of: initiative, fund: code))
    }

    private func applicationEntry(_ id: String, in held: ImpulsRecords) throws -> ApplicationEntry {
        guard let state = held.record(RecordSchema.application.type, id: id), let entry = ApplicationEntry(id: id, record: state) else {
            throw ImpulsError.unknownApplication(id)
        }
        return entry
    }
}
