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

    /// White or near-black text, whichever reads better on the SDG colour `hex` (`#RRGGBB`).
    static func textColour(on hex: String) -> String {
        let digits = Array(hex.dropFirst())
        guard digits.count == 6, let value = Int(String(digits), radix: 16) else { return "#fff" }
        let (red, green, blue) = (value >> 16 & 0xFF, value >> 8 & 0xFF, value & 0xFF)
        return (red * 299 + green * 587 + blue * 114) / 1000 > 170 ? "#1a1a1a" : "#fff"
    }
}
