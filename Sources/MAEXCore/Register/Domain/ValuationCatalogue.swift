/// A versioned valuation catalogue: activity -> indicator -> SDG, unit and euro cents per unit.
/// A contribution records the catalogue version it was valued with (`method_version`), so a new
/// version never silently changes an old valuation.
public struct ValuationCatalogue: Hashable, Sendable {
    /// The version, e.g. `2026.1`.
    public let version: String
    /// The entries, one per activity.
    public let entries: [ValuationEntry]

    /// Creates a catalogue.
    public init(version: String, entries: [ValuationEntry]) {
        self.version = version
        self.entries = entries
    }

    /// The entry for `activity`, if the catalogue has it.
    public func entry(activity: String) -> ValuationEntry? { entries.first { $0.activity == activity } }

    /// The entries contributing to SDG `goal`.
    public func entries(goal: Int) -> [ValuationEntry] { entries.filter { $0.goal == goal } }
}
