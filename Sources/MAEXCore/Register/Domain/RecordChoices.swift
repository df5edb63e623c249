/// The words a choice field of the register takes, one enum per field, so code switches over
/// them exhaustively. Records keep the words as text (a newer schema version may add words a
/// node does not know yet); `init(rawValue:)` is `nil` for such a word.

/// An initiative's phase (`phase`).
public enum InitiativePhase: String, CaseIterable, Hashable, Sendable {
    case plan, start, groei, volwassen

    /// The Dutch label.
    public var label: String {
        switch self {
        case .plan: "Plan"
        case .start: "Start"
        case .groei: "Groei"
        case .volwassen: "Volwassen"
        }
    }
}

/// An initiative's status (`status`).
public enum InitiativeStatus: String, CaseIterable, Hashable, Sendable {
    case actief, inactief, opgeheven

    /// The Dutch label.
    public var label: String {
        switch self {
        case .actief: "Actief"
        case .inactief: "Inactief"
        case .opgeheven: "Opgeheven"
        }
    }
}

/// What a need asks for (`need.kind`).
public enum NeedKind: String, CaseIterable, Hashable, Sendable {
    case geld, vrijwilligers, kennis, partnerschap, media, materialen, ruimte

    /// The Dutch label.
    public var label: String {
        switch self {
        case .geld: "Geld"
        case .vrijwilligers: "Vrijwilligers"
        case .kennis: "Kennis"
        case .partnerschap: "Partnerschap"
        case .media: "Media-aandacht"
        case .materialen: "Materialen"
        case .ruimte: "Ruimte"
        }
    }
}

/// The state of a need (`need.status`); a new need is `open`.
public enum NeedStatus: String, CaseIterable, Hashable, Sendable {
    case open, vervuld, gesloten

    /// The Dutch label.
    public var label: String {
        switch self {
        case .open: "Open"
        case .vervuld: "Vervuld"
        case .gesloten: "Gesloten"
        }
    }
}

/// What an offer is (`offer.kind`).
public enum OfferKind: String, CaseIterable, Hashable, Sendable {
    case product, dienst

    /// The Dutch label.
    public var label: String {
        switch self {
        case .product: "Product"
        case .dienst: "Dienst"
        }
    }
}

/// A partner's role (`partner.role`).
public enum PartnerRole: String, CaseIterable, Hashable, Sendable {
    case financier, partner, mogelijkmaker, klant

    /// The Dutch label.
    public var label: String {
        switch self {
        case .financier: "Financier"
        case .partner: "Partner"
        case .mogelijkmaker: "Mogelijkmaker"
        case .klant: "Klant"
        }
    }
}
