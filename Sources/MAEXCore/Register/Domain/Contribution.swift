/// One line of an initiative's Social Handprint, read from a `contribution` record.
public struct Contribution: Hashable, Sendable, Identifiable {
    public let id: String
    /// The initiative's id.
    public let initiative: String
    /// The initiative's municipality code.
    public let municipality: String
    /// The SDG, 1...17.
    public let goal: Int
    /// The SDG target, e.g. `3.4`.
    public let target: String?
    /// The catalogue activity key.
    public let activity: String
    /// The indicator measured.
    public let indicator: String
    /// How many units.
    public let quantity: Int64
    /// The unit.
    public let unit: String
    /// The value of one unit in euro cents.
    public let centsPerUnit: Int64
    /// The year.
    public let year: Int
    /// Forecast or realised.
    public let kind: ContributionKind
    /// The valuation catalogue version used.
    public let methodVersion: String
    /// A link to the evidence.
    public let evidence: String?

    /// Creates a contribution.
    public init(
        id: String, initiative: String, municipality: String, goal: Int, target: String? = nil, activity: String, indicator: String,
        quantity: Int64, unit: String, centsPerUnit: Int64, year: Int, kind: ContributionKind, methodVersion: String,
        evidence: String? = nil
    ) {
        self.id = id
        self.initiative = initiative
        self.municipality = municipality
        self.goal = goal
        self.target = target
        self.activity = activity
        self.indicator = indicator
        self.quantity = quantity
        self.unit = unit
        self.centsPerUnit = centsPerUnit
        self.year = year
        self.kind = kind
        self.methodVersion = methodVersion
        self.evidence = evidence
    }

    /// Reads a live `contribution` record; `nil` when it is deleted or lacks what a handprint
    /// needs (a record written by a newer or faulty node is kept in the store but not counted).
    public init?(id: String, state: RecordState) {
        let values = RecordValues(state: state)
        guard !state.isDeleted, let initiative = values.string("initiative"), let municipality = values.string("municipality"),
            let goal = values.int("goal"), SDG.number(Int(goal)) != nil, let quantity = values.int("quantity"), quantity >= 0,
            let centsPerUnit = values.int("value_per_unit_cents"), centsPerUnit >= 0,
            let kind = values.string("kind").flatMap(ContributionKind.init(rawValue:))
        else { return nil }
        self.init(
            id: id, initiative: initiative, municipality: municipality, goal: Int(goal), target: values.string("target"),
            activity: values.string("activity") ?? "", indicator: values.string("indicator") ?? "", quantity: quantity,
            unit: values.string("unit") ?? "", centsPerUnit: centsPerUnit, year: Int(values.int("year") ?? 0), kind: kind,
            methodVersion: values.string("method_version") ?? "", evidence: values.string("evidence"))
    }

    /// The value in euro cents: quantity times value per unit (saturating at `Int64.max`).
    public var valueCents: Int64 {
        let (product, overflow) = quantity.multipliedReportingOverflow(by: centsPerUnit)
        return overflow ? .max : product
    }
}
