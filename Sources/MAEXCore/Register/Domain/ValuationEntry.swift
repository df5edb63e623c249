/// One line of the valuation catalogue: what one unit of an activity is worth, for which SDG.
public struct ValuationEntry: Hashable, Sendable {
    /// The activity key, a lowercase word (`repair-item`): what a contribution names.
    public let activity: String
    /// The indicator measured, in Dutch.
    public let indicator: String
    /// The SDG the activity contributes to.
    public let goal: Int
    /// The SDG target, e.g. `12.5`.
    public let target: String?
    /// The unit counted, in Dutch (`reparatie`).
    public let unit: String
    /// The value of one unit in euro cents.
    public let centsPerUnit: Int64
    /// Where the value comes from.
    public let source: String

    /// Creates an entry.
    public init(activity: String, indicator: String, goal: Int, target: String?, unit: String, centsPerUnit: Int64, source: String) {
        self.activity = activity
        self.indicator = indicator
        self.goal = goal
        self.target = target
        self.unit = unit
        self.centsPerUnit = centsPerUnit
        self.source = source
    }
}
