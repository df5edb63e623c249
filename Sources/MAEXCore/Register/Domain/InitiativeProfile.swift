/// An initiative's profile as pages and the handprint read it, from an `initiative` record.
public struct InitiativeProfile: Hashable, Sendable, Identifiable {
    public let id: String
    public let name: String
    public let alternateName: String?
    public let description: String?
    /// The municipality code.
    public let municipality: String
    public let legalForm: String?
    public let yearFounded: Int64?
    public let website: String?
    public let email: String?
    /// `plan`, `start`, `groei` or `volwassen` (`InitiativePhase`; kept as text).
    public let phase: String?
    /// `actief`, `inactief` or `opgeheven` (`InitiativeStatus`; kept as text).
    public let status: String?
    public let address: String?
    /// SDG numbers, ascending.
    public let sdgs: [Int]
    public let themes: [String]
    public let volunteers: Int64?
    public let peopleReached: Int64?
    /// The last date the profile was confirmed, `YYYY-MM-DD`.
    public let lastVerified: String?
    /// Whether euro values may be shown publicly.
    public let publicationConsent: Bool

    /// Reads a live `initiative` record; `nil` when deleted or without name and municipality.
    public init?(id: String, state: RecordState) {
        let values = RecordValues(state: state)
        guard !state.isDeleted, let name = values.string("name"), let municipality = values.string("municipality") else { return nil }
        self.id = id
        self.name = name
        self.alternateName = values.string("alternate_name")
        self.description = values.string("description")
        self.municipality = municipality
        self.legalForm = values.string("legal_form")
        self.yearFounded = values.int("year_founded")
        self.website = values.string("website")
        self.email = values.string("email")
        self.phase = values.string("phase")
        self.status = values.string("status")
        self.address = values.string("address")
        self.sdgs = values.ints("sdgs").filter { (1...17).contains($0) }
        self.themes = values.strings("themes")
        self.volunteers = values.int("volunteers")
        self.peopleReached = values.int("people_reached")
        self.lastVerified = values.string("last_verified")
        self.publicationConsent = values.bool("publication_consent") ?? false
    }

    /// Whether the profile needs confirming on `today` (`YYYY-MM-DD`): never confirmed, or last
    /// confirmed more than a year before.
    public func isStale(on today: String) -> Bool {
        guard let lastVerified else { return true }
        return lastVerified < CalendarDate.oneYearBefore(today)
    }
}
