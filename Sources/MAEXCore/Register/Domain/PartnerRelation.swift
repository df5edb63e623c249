/// An organisation related to an initiative, read from a `partner` record.
public struct PartnerRelation: Hashable, Sendable, Identifiable {
    public let id: String
    /// The initiative's id.
    public let initiative: String
    /// The initiative's municipality.
    public let municipality: String
    /// The organisation.
    public let organisation: String
    /// `financier`, `partner`, `mogelijkmaker` or `klant`.
    public let role: String
    /// Start date.
    public let from: String?
    /// End date.
    public let to: String?

    /// Reads a live `partner` record; `nil` when deleted or incomplete.
    public init?(id: String, state: RecordState) {
        let values = RecordValues(state: state)
        guard !state.isDeleted, let initiative = values.string("initiative"), let municipality = values.string("municipality"),
            let organisation = values.string("organisation"), let role = values.string("role")
        else { return nil }
        self.id = id
        self.initiative = initiative
        self.municipality = municipality
        self.organisation = organisation
        self.role = role
        self.from = values.string("from")
        self.to = values.string("to")
    }
}
