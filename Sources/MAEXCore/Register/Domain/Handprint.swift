/// A Social Handprint: per SDG, the number of contributions and their summed public value in
/// euro cents, plus the initiatives contributing. Values of an initiative without publication
/// consent are counted (`undisclosed`) but never summed into `valueCents`.
public struct Handprint: Hashable, Sendable {
    /// The 17 goals in order; `goals[n - 1]` is SDG n.
    public private(set) var goals: [HandprintGoal] = (1...17).map(HandprintGoal.init(goal:))
    /// The ids of the initiatives contributing.
    public private(set) var initiatives: Set<String> = []

    /// An empty handprint.
    public init() {}

    /// The line of SDG `goal` (1...17).
    public func goal(_ goal: Int) -> HandprintGoal {
        guard (1...17).contains(goal) else { return HandprintGoal(goal: goal) }
        return goals[goal - 1]
    }

    /// Counts `contribution`, summing its value only when `valuePublic`.
    public mutating func add(_ contribution: Contribution, valuePublic: Bool) {
        guard (1...17).contains(contribution.goal) else { return }
        let index = contribution.goal - 1
        goals[index].contributions += 1
        if valuePublic {
            goals[index].valueCents = Self.saturatingSum(goals[index].valueCents, contribution.valueCents)
        } else {
            goals[index].undisclosed += 1
        }
        initiatives.insert(contribution.initiative)
    }

    /// Adds every line of `other`.
    public mutating func merge(_ other: Handprint) {
        for index in goals.indices {
            goals[index].contributions += other.goals[index].contributions
            goals[index].valueCents = Self.saturatingSum(goals[index].valueCents, other.goals[index].valueCents)
            goals[index].undisclosed += other.goals[index].undisclosed
        }
        initiatives.formUnion(other.initiatives)
    }

    /// All contributions.
    public var contributions: Int { goals.reduce(0) { $0 + $1.contributions } }

    /// The summed public value in euro cents.
    public var valueCents: Int64 { goals.reduce(0) { Self.saturatingSum($0, $1.valueCents) } }

    /// Contributions whose value is not shown.
    public var undisclosed: Int { goals.reduce(0) { $0 + $1.undisclosed } }

    /// The SDG numbers with at least one contribution.
    public var activeGoals: [Int] { goals.filter { $0.contributions > 0 }.map(\.goal) }

    private static func saturatingSum(_ lhs: Int64, _ rhs: Int64) -> Int64 {
        let (sum, overflow) = lhs.addingReportingOverflow(rhs)
        return overflow ? .max : sum
    }
}
