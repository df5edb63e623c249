import MAEXCore

/// What an area page derives from a loaded register on a given day, computed once per register
/// generation and day (see `PageCache`): the handprint report, open needs, the initiatives with
/// a social-return offer, the initiatives sorted by name, the themes used, and the chart. Pure.
struct AreaData: Sendable {
    let register: PageRegister
    let today: String
    let report: HandprintReport
    let openNeeds: [String: [Need]]
    let socialReturn: Set<String>
    /// The initiatives by name (ignoring case), then id.
    let byName: [InitiativeProfile]
    let themes: [String]

    init(register: PageRegister, today: String) {
        self.register = register
        self.today = today
        report = register.handprint
        openNeeds = register.openNeeds(on: today)
        socialReturn = register.socialReturnInitiatives
        byName = register.initiatives.map { ($0.name.lowercased(), $0) }.sorted { ($0.0, $0.1.id) < ($1.0, $1.1.id) }.map(\.1)
        themes = Set(register.initiatives.flatMap(\.themes)).sorted()
    }
}
