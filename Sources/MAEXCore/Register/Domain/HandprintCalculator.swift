/// Computes the Social Handprint from initiatives and their contributions. Pure.
///
/// A contribution counts when its initiative is live and among `initiatives`; it is placed in
/// the initiative's municipality (the profile is authoritative, not the contribution's copy)
/// and that municipality's province. Its value is quantity times value per unit. Values are
/// summed publicly only for initiatives with `publication_consent`, unless `revealAllValues`
/// (the initiative's own or an administrator's view); counts and SDGs are always shown.
public struct HandprintCalculator: Sendable {
    /// The kinds of contribution counted; the public handprint counts realised results.
    public var kinds: Set<ContributionKind>
    /// Whether to sum values of initiatives without consent too.
    public var revealAllValues: Bool

    /// A calculator.
    public init(kinds: Set<ContributionKind> = [.realised], revealAllValues: Bool = false) {
        self.kinds = kinds
        self.revealAllValues = revealAllValues
    }

    /// The handprint at every level.
    public func report(initiatives: [InitiativeProfile], contributions: [Contribution]) -> HandprintReport {
        let profiles = Dictionary(initiatives.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var report = HandprintReport()
        for contribution in contributions where kinds.contains(contribution.kind) {
            guard let profile = profiles[contribution.initiative] else { continue }
            let valuePublic = revealAllValues || profile.publicationConsent
            report.byInitiative[profile.id, default: Handprint()].add(contribution, valuePublic: valuePublic)
            report.byMunicipality[profile.municipality, default: Handprint()].add(contribution, valuePublic: valuePublic)
            if let province = Municipalities.named(profile.municipality)?.province {
                report.byProvince[province, default: Handprint()].add(contribution, valuePublic: valuePublic)
            }
            report.national.add(contribution, valuePublic: valuePublic)
        }
        return report
    }

    /// The handprint of one initiative from its contributions.
    public func handprint(of initiative: InitiativeProfile, contributions: [Contribution]) -> Handprint {
        report(initiatives: [initiative], contributions: contributions).initiative(initiative.id)
    }
}
