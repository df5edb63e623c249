/// Money pledged to a fund.
public struct LedgerPledge: Hashable, Sendable {
    /// The pledge record's id.
    public var id: String
    /// Who pledged.
    public var funder: String
    /// What kind of funder (`RecordSchema.funderKinds`).
    public var kind: String
    /// The amount in euro cents.
    public var amountCents: Int64

    /// Creates a pledge.
    public init(id: String, funder: String, kind: String, amountCents: Int64) {
        self.id = id
        self.funder = funder
        self.kind = kind
        self.amountCents = amountCents
    }
}

/// A fund's decision on an application.
public struct LedgerDecision: Hashable, Sendable {
    /// Where the decision falls in the ledger (its record id is `order.id`).
    public var order: LedgerOrder
    /// The application decided on.
    public var application: String
    /// `toegekend`, `afgewezen` or `meer-info`.
    public var outcome: String
    /// For a grant: the amount in euro cents.
    public var amountCents: Int64
    /// The day of the decision.
    public var decided: String
    /// The reason given, if any.
    public var reason: String?

    /// Creates a decision.
    public init(order: LedgerOrder, application: String, outcome: String, amountCents: Int64, decided: String, reason: String? = nil) {
        self.order = order
        self.application = application
        self.outcome = outcome
        self.amountCents = amountCents
        self.decided = decided
        self.reason = reason
    }

    /// Whether it grants money.
    public var isGrant: Bool { outcome == "toegekend" }
}

/// A payment made for a granted application.
public struct LedgerPayment: Hashable, Sendable {
    /// Where the payment falls in the ledger.
    public var order: LedgerOrder
    /// The application paid.
    public var application: String
    /// The amount in euro cents.
    public var amountCents: Int64
    /// The day paid.
    public var date: String

    /// Creates a payment.
    public init(order: LedgerOrder, application: String, amountCents: Int64, date: String) {
        self.order = order
        self.application = application
        self.amountCents = amountCents
        self.date = date
    }
}

/// How the ledger counts a decision or payment.
public enum LedgerStanding: String, Hashable, Sendable {
    /// Counted.
    case valid
    /// A grant beyond what is left of the budget: void.
    case overBudget = "over_budget"
    /// A decision on an application already granted, or a payment beyond its grant: void.
    case void
}
