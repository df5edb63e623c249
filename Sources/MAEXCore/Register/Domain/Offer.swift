/// A product or service an initiative offers, read from an `offer` record.
public struct Offer: Hashable, Sendable, Identifiable {
    public let id: String
    /// The initiative's id.
    public let initiative: String
    /// The initiative's municipality.
    public let municipality: String
    /// `product` or `dienst`.
    public let kind: String
    /// The name.
    public let name: String
    /// The description.
    public let description: String?
    /// Price information.
    public let price: String?
    /// Whether it counts for social return in procurement.
    public let socialReturn: Bool
    /// The target group.
    public let targetGroup: String?
    /// Area codes served.
    public let area: [String]
    /// How to get in touch.
    public let contact: String?

    /// Reads a live `offer` record; `nil` when deleted or incomplete.
    public init?(id: String, state: RecordState) {
        let values = RecordValues(state: state)
        guard !state.isDeleted, let initiative = values.string("initiative"), let municipality = values.string("municipality"),
            let kind = values.string("kind"), let name = values.string("name")
        else { return nil }
        self.id = id
        self.initiative = initiative
        self.municipality = municipality
        self.kind = kind
        self.name = name
        self.description = values.string("description")
        self.price = values.string("price")
        self.socialReturn = values.bool("social_return") ?? false
        self.targetGroup = values.string("target_group")
        self.area = values.strings("area")
        self.contact = values.string("contact")
    }
}
