import MAEXCore

/// The filters of the social-return catalogue `/aanbod`, all applied together: words (`zoek`,
/// each a prefix of a word in the offer's name, description, target group or its initiative's
/// name, ignoring case and diacritics), kind (`soort`: product or dienst), `social_return=1`
/// and an area (`gebied`: a municipality or province code the offer serves or, without its own
/// area, the initiative's municipality lies in). Pure.
struct CatalogueQuery: Sendable, Equatable {
    var words: [String] = []
    var text = ""
    var kind: String?
    var socialReturnOnly = false
    var area: String?

    init() {}

    init(_ parameters: QueryParameters) {
        text = String((parameters["zoek"] ?? "").prefix(100))
        words = HSDSQuery.words(text)
        kind = parameters["soort"].flatMap { RecordSchema.offerKinds.contains($0) ? $0 : nil }
        socialReturnOnly = parameters["social_return"] == "1"
        area = parameters["gebied"].flatMap { CodePattern.area.matches($0) ? $0 : nil }
    }

    /// The offers that pass, by name then id, with their initiative.
    func filter(_ register: OpenDataRegister) -> [(offer: Offer, initiative: InitiativeProfile)] {
        let profiles = Dictionary(register.initiatives.map { ($0.id, $0.profile) }, uniquingKeysWith: { first, _ in first })
        return register.offers.compactMap { offer -> (Offer, InitiativeProfile)? in
            guard let profile = profiles[offer.initiative] else { return nil }
            if let kind, offer.kind != kind { return nil }
            if socialReturnOnly, !offer.socialReturn { return nil }
            if let area, !Self.serves(offer, of: profile, area: area) { return nil }
            let haystack = HSDSQuery.words([offer.name, offer.description ?? "", offer.targetGroup ?? "", profile.name].joined(separator: " "))
            guard words.allSatisfy({ word in haystack.contains { $0.hasPrefix(word) } }) else { return nil }
            return (offer, profile)
        }.sorted { ($0.0.name.lowercased(), $0.0.id) < ($1.0.name.lowercased(), $1.0.id) }.map { (offer: $0.0, initiative: $0.1) }
    }

    /// Whether `offer` serves `area`: its own area codes, else its initiative's municipality.
    static func serves(_ offer: Offer, of profile: InitiativeProfile, area: String) -> Bool {
        let codes = offer.area.isEmpty ? [profile.municipality] : offer.area
        return codes.contains { code in
            code == area || (area.hasPrefix("PV") && Municipalities.named(code)?.province == area)
        }
    }
}
