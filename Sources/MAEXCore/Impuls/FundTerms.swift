/// A fund's terms and criteria, read from its `fund` record. Pure.
public struct FundTerms: Hashable, Sendable {
    /// The fund code (its home, e.g. `impuls-zeeland`).
    public var code: String
    /// The fund's name.
    public var name: String
    /// What the fund is for.
    public var purpose: String?
    /// Municipality and province codes an applicant must be in; empty for anywhere.
    public var areas: [String]
    /// SDGs an applicant must work on (at least one); empty for any.
    public var sdgs: [Int]
    /// Themes an applicant must have (at least one); empty for any.
    public var themes: [String]
    /// The youngest phase an applicant may be in.
    public var minPhase: String?
    /// Whether an applicant's profile must be complete.
    public var completeProfile: Bool
    /// No earlier grant of this fund to the initiative within this many months (0: no rule).
    public var grantIntervalMonths: Int64
    /// Whether every earlier grant of this fund to the initiative must be accounted for.
    public var requireAccounted: Bool
    /// The smallest and largest amount per grant, in euro cents.
    public var amountMinCents: Int64
    /// The largest amount per grant, in euro cents.
    public var amountMaxCents: Int64
    /// The first day applications are taken.
    public var opens: String?
    /// The last day applications are taken.
    public var closes: String?
    /// The target for a decision, in days after submission.
    public var decisionDays: Int64?
    /// What the fund asks back after a grant.
    public var accountability: String?

    /// Creates terms.
    public init(
        code: String, name: String, purpose: String? = nil, areas: [String] = [], sdgs: [Int] = [], themes: [String] = [],
        minPhase: String? = nil, completeProfile: Bool = false, grantIntervalMonths: Int64 = 0, requireAccounted: Bool = false,
        amountMinCents: Int64, amountMaxCents: Int64, opens: String? = nil, closes: String? = nil, decisionDays: Int64? = nil,
        accountability: String? = nil
    ) {
        self.code = code
        self.name = name
        self.purpose = purpose
        self.areas = areas
        self.sdgs = sdgs
        self.themes = themes
        self.minPhase = minPhase
        self.completeProfile = completeProfile
        self.grantIntervalMonths = grantIntervalMonths
        self.requireAccounted = requireAccounted
        self.amountMinCents = amountMinCents
        self.amountMaxCents = amountMaxCents
        self.opens = opens
        self.closes = closes
        self.decisionDays = decisionDays
        self.accountability = accountability
    }

    /// The terms of a live `fund` record, or `nil` when it lacks its code, name or amounts.
    public init?(record: RecordState) {
        guard !record.isDeleted else { return nil }
        let values = RecordValues(state: record)
        guard let code = values.string(AuthorityRules.fundField), let name = values.string("name"),
            let low = values.int("amount_min_cents"), let high = values.int("amount_max_cents")
        else { return nil }
        self.init(
            code: code, name: name, purpose: values.string("purpose"), areas: values.strings("areas"), sdgs: values.ints("sdgs"),
            themes: values.strings("themes"), minPhase: values.string("min_phase"), completeProfile: values.bool("complete_profile") ?? false,
            grantIntervalMonths: values.int("grant_interval_months") ?? 0, requireAccounted: values.bool("require_accounted") ?? false,
            amountMinCents: low, amountMaxCents: high, opens: values.string("opens"), closes: values.string("closes"),
            decisionDays: values.int("decision_days"), accountability: values.string("accountability"))
    }
}
