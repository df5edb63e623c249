import MAEXCore

/// Dutch wording and number formats for the pages. Pure.
enum PageFormat {
    /// Whole euros with a dot per thousand: `€ 12.345` (cents rounded down).
    static func euros(_ cents: Int64) -> String {
        let digits = String(cents / 100)
        var grouped = ""
        for (index, digit) in digits.reversed().enumerated() {
            if index > 0, index % 3 == 0, digit != "-" { grouped.append(".") }
            grouped.append(digit)
        }
        return "€ " + String(grouped.reversed())
    }

    /// `1 bijdrage`, `3 bijdragen`.
    static func count(_ number: Int, _ singular: String, _ plural: String) -> String {
        "\(number) \(number == 1 ? singular : plural)"
    }

    /// The Dutch label of a phase.
    static func phase(_ phase: String?) -> String? {
        guard let phase else { return nil }
        return InitiativePhase(rawValue: phase)?.label ?? phase
    }

    /// The Dutch label of a need kind.
    static func needKind(_ kind: String) -> String {
        NeedKind(rawValue: kind)?.label ?? kind
    }

    /// The Dutch label of a need status.
    static func needStatus(_ status: String) -> String {
        NeedStatus(rawValue: status)?.label ?? status
    }

    /// The Dutch label of a partner role.
    static func role(_ role: String) -> String {
        PartnerRole(rawValue: role)?.label ?? role
    }

    /// The Dutch label of an offer kind.
    static func offerKind(_ kind: String) -> String { OfferKind(rawValue: kind)?.label ?? kind }

    /// A date `YYYY-MM-DD` as `28-05-2026`.
    static func date(_ iso: String) -> String {
        let parts = iso.split(separator: "-")
        guard parts.count == 3 else { return iso }
        return "\(parts[2])-\(parts[1])-\(parts[0])"
    }

    /// The text colour for the SDG colour `hex` (`#RRGGBB`): white or near-black, whichever
    /// contrasts more (WCAG 2.1 contrast ratio), black when neither reaches 4.5:1. Every
    /// official SDG colour reaches at least 4.5:1 this way (1.4.3, normal text).
    static func textColour(on hex: String) -> String {
        guard let background = ContrastRatio.luminance(hex) else { return "#000" }
        let white = ContrastRatio.ratio(background, 1)
        let dark = ContrastRatio.ratio(background, ContrastRatio.luminance("#1a1a1a") ?? 0)
        if max(white, dark) < ContrastRatio.normalText { return "#000" }
        return white >= dark ? "#fff" : "#1a1a1a"
    }
}
