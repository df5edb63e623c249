/// Whether an application meets a fund's criteria, with every reason it does not. Pure: the
/// same answer on the applicant's node (before submitting) and at the fund's node (deciding).
public enum Eligibility {
    /// The problems of applying for `amountCents` on `date` (`YYYY-MM-DD`); empty when eligible.
    public static func problems(terms: FundTerms, applicant: Applicant, amountCents: Int64, date: String) -> [EligibilityProblem] {
        var problems: [EligibilityProblem] = []
        if let opens = terms.opens, date < opens { problems.append(.notOpenYet(opens: opens)) }
        if let closes = terms.closes, date > closes { problems.append(.closed(closes: closes)) }
        if !(terms.amountMinCents...max(terms.amountMinCents, terms.amountMaxCents)).contains(amountCents) {
            problems.append(.amountOutOfRange(amount: amountCents, min: terms.amountMinCents, max: terms.amountMaxCents))
        }
        if !terms.areas.isEmpty, !isInArea(applicant.municipality, terms.areas) {
            problems.append(.outsideArea(municipality: applicant.municipality, areas: terms.areas))
        }
        if !terms.sdgs.isEmpty, Set(terms.sdgs).isDisjoint(with: applicant.sdgs) { problems.append(.noMatchingSDG(required: terms.sdgs)) }
        if !terms.themes.isEmpty, Set(terms.themes).isDisjoint(with: applicant.themes) {
            problems.append(.noMatchingTheme(required: terms.themes))
        }
        if let minimum = terms.minPhase, let needed = RecordSchema.phases.firstIndex(of: minimum) {
            let reached = applicant.phase.flatMap { RecordSchema.phases.firstIndex(of: $0) } ?? -1
            if reached < needed { problems.append(.phaseTooEarly(phase: applicant.phase, minimum: minimum)) }
        }
        if terms.completeProfile, !applicant.missingProfileFields.isEmpty {
            problems.append(.incompleteProfile(missing: applicant.missingProfileFields))
        }
        problems += historyProblems(terms: terms, grants: applicant.earlierGrants, date: date)
        return problems
    }

    /// Whether `municipality` is one of `areas` or in one of its provinces.
    public static func isInArea(_ municipality: String, _ areas: [String]) -> Bool {
        if areas.contains(municipality) { return true }
        guard let province = Municipalities.named(municipality)?.province else { return false }
        return areas.contains(province)
    }

    private static func historyProblems(terms: FundTerms, grants: [EarlierGrant], date: String) -> [EligibilityProblem] {
        var problems: [EligibilityProblem] = []
        let ordered = grants.sorted { $0.decided < $1.decided }
        if terms.grantIntervalMonths > 0 {
            let since = DayNumber.monthsBefore(date, terms.grantIntervalMonths)
            if let recent = ordered.last(where: { $0.decided > since }) {
                problems.append(.recentGrant(decided: recent.decided, months: terms.grantIntervalMonths))
            }
        }
        if terms.requireAccounted {
            for grant in ordered where !grant.accounted { problems.append(.notAccounted(decided: grant.decided)) }
        }
        return problems
    }
}
