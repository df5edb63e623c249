/// The handprint of one SDG: how many contributions and their public value.
public struct HandprintGoal: Hashable, Sendable {
    /// The SDG, 1...17.
    public let goal: Int
    /// Contributions to the goal (always public).
    public internal(set) var contributions: Int = 0
    /// The summed value in euro cents of the contributions whose value may be shown.
    public internal(set) var valueCents: Int64 = 0
    /// Contributions counted whose value is not shown (no publication consent).
    public internal(set) var undisclosed: Int = 0

    /// An empty line for `goal`.
    public init(goal: Int) { self.goal = goal }
}
