/// Whether a handprint line is a forecast or a realised result.
public enum ContributionKind: String, Hashable, Sendable, CaseIterable {
    /// A forecast (`prognose`).
    case forecast = "prognose"
    /// A realised result (`gerealiseerd`).
    case realised = "gerealiseerd"

    /// The Dutch label.
    public var label: String {
        switch self {
        case .forecast: "Prognose"
        case .realised: "Gerealiseerd"
        }
    }
}
