/// Something an initiative needs, read from a `need` record.
public struct Need: Hashable, Sendable, Identifiable {
    public let id: String
    /// The initiative's id.
    public let initiative: String
    /// The initiative's municipality.
    public let municipality: String
    /// The kind: `geld`, `vrijwilligers`, ... (`NeedKind`; kept as text).
    public let kind: String
    /// What is needed.
    public let description: String
    /// An amount of money in euro cents.
    public let amountCents: Int64?
    /// Hours of help.
    public let hours: Int64?
    /// Skills asked for.
    public let skills: [String]
    /// `open`, `vervuld` or `gesloten` (`NeedStatus`; kept as text, a newer version may add words).
    public let status: String
    /// The expiry date, `YYYY-MM-DD`.
    public let expires: String?

    /// Reads a live `need` record; `nil` when deleted or incomplete.
    public init?(id: String, state: RecordState) {
        let values = RecordValues(state: state)
        guard !state.isDeleted, let initiative = values.string("initiative"), let municipality = values.string("municipality"),
            let kind = values.string("kind"), let status = values.string("status")
        else { return nil }
        self.id = id
        self.initiative = initiative
        self.municipality = municipality
        self.kind = kind
        self.description = values.string("description") ?? ""
        self.amountCents = values.int("amount_cents")
        self.hours = values.int("hours")
        self.skills = values.strings("skills")
        self.status = status
        self.expires = values.string("expires")
    }

    /// Whether the need is open on `today` (`YYYY-MM-DD`): status open and not expired.
    public func isOpen(on today: String) -> Bool {
        status == NeedStatus.open.rawValue && (expires.map { $0 >= today } ?? true)
    }
}
