/// Why an application does not meet a fund's criteria. Messages are Dutch, for the applicant.
public enum EligibilityProblem: Hashable, Sendable, CustomStringConvertible {
    /// Applications are taken only from `opens` on.
    case notOpenYet(opens: String)
    /// Applications closed after `closes`.
    case closed(closes: String)
    /// The amount is outside the fund's range.
    case amountOutOfRange(amount: Int64, min: Int64, max: Int64)
    /// The initiative is outside the fund's area.
    case outsideArea(municipality: String, areas: [String])
    /// The initiative works on none of the fund's SDGs.
    case noMatchingSDG(required: [Int])
    /// The initiative has none of the fund's themes.
    case noMatchingTheme(required: [String])
    /// The initiative is in an earlier phase than the fund asks (or none is known).
    case phaseTooEarly(phase: String?, minimum: String)
    /// The profile lacks fields the fund asks for.
    case incompleteProfile(missing: [String])
    /// The fund granted the initiative money too recently.
    case recentGrant(decided: String, months: Int64)
    /// An earlier grant of this fund was not accounted for.
    case notAccounted(decided: String)

    public var description: String {
        switch self {
        case .notOpenYet(let opens): "het fonds neemt aanvragen aan vanaf \(opens)"
        case .closed(let closes): "het fonds nam aanvragen aan tot en met \(closes)"
        case .amountOutOfRange(let amount, let low, let high):
            "het bedrag \(Self.euro(amount)) ligt niet tussen \(Self.euro(low)) en \(Self.euro(high))"
        case .outsideArea(let municipality, let areas):
            "\(Municipalities.name(of: municipality)) valt buiten het werkgebied van het fonds (\(areas.joined(separator: ", ")))"
        case .noMatchingSDG(let required): "het initiatief werkt aan geen van de SDG's van het fonds (\(required.map(String.init).joined(separator: ", ")))"
        case .noMatchingTheme(let required): "het initiatief heeft geen van de thema's van het fonds (\(required.joined(separator: ", ")))"
        case .phaseTooEarly(let phase, let minimum): "het fonds vraagt minstens fase \(minimum); het initiatief is in fase \(phase ?? "onbekend")"
        case .incompleteProfile(let missing): "het profiel is niet volledig: \(missing.joined(separator: ", ")) ontbreekt"
        case .recentGrant(let decided, let months): "het fonds kende op \(decided) al geld toe; dat mag eens per \(months) maanden"
        case .notAccounted(let decided): "de toekenning van \(decided) is nog niet verantwoord"
        }
    }

    /// An amount in euro cents as `EUR 1.500,00`.
    public static func euro(_ cents: Int64) -> String {
        let sign = cents < 0 ? "-" : ""
        let whole = abs(cents) / 100
        let rest = abs(cents) % 100
        var digits = String(whole)
        var grouped = ""
        while digits.count > 3 {
            grouped = "." + digits.suffix(3) + grouped
            digits.removeLast(3)
        }
        return "EUR \(sign)\(digits)\(grouped),\(rest < 10 ? "0" : "")\(rest)"
    }
}
