import MAEXCore

/// What a partner's page shows, per goal: the initiatives in its area that contribute (they
/// name the SDG or report a realised contribution to it), their valued handprint for that goal
/// (public values only, as everywhere), their volunteers and people reached (as their profiles
/// state them), and the value and number of contributions per year. Pure.
struct PartnerReport: Sendable, Equatable {
    struct Year: Sendable, Equatable {
        let year: Int
        var valueCents: Int64 = 0
        var contributions = 0
    }

    struct Goal: Sendable, Equatable {
        let goal: Int
        var initiatives: [InitiativeProfile] = []
        var valueCents: Int64 = 0
        var contributions = 0
        var undisclosed = 0
        var volunteers: Int64 = 0
        var peopleReached: Int64 = 0
        /// By year, ascending.
        var years: [Year] = []
    }

    let partner: PartnerGoals
    let goals: [Goal]

    init(partner: PartnerGoals, register: OpenDataRegister) {
        self.partner = partner
        let area = partner.municipalities
        let profiles = register.initiatives.map(\.profile).filter { area?.contains($0.municipality) ?? true }
        let byID = Dictionary(profiles.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let realised = register.contributions.filter { $0.kind == .realised && byID[$0.initiative] != nil }
        goals = partner.goals.map { number in
            var goal = Goal(goal: number)
            let lines = realised.filter { $0.goal == number }
            let reporting = Set(lines.map(\.initiative))
            goal.initiatives = profiles.filter { $0.sdgs.contains(number) || reporting.contains($0.id) }
                .sorted { ($0.name.lowercased(), $0.id) < ($1.name.lowercased(), $1.id) }
            var years: [Int: Year] = [:]
            for line in lines {
                let consent = byID[line.initiative]?.publicationConsent ?? false
                goal.contributions += 1
                years[line.year, default: Year(year: line.year)].contributions += 1
                if consent {
                    goal.valueCents = Self.add(goal.valueCents, line.valueCents)
                    years[line.year, default: Year(year: line.year)].valueCents = Self.add(years[line.year]?.valueCents ?? 0, line.valueCents)
                } else {
                    goal.undisclosed += 1
                }
            }
            goal.years = years.values.sorted { $0.year < $1.year }
            goal.volunteers = goal.initiatives.reduce(0) { $0 + ($1.volunteers ?? 0) }
            goal.peopleReached = goal.initiatives.reduce(0) { $0 + ($1.peopleReached ?? 0) }
            return goal
        }
    }

    private static func add(_ lhs: Int64, _ rhs: Int64) -> Int64 {
        let (sum, overflow) = lhs.addingReportingOverflow(rhs)
        return overflow ? .max : sum
    }
}
