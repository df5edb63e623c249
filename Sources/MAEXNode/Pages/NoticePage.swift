import MAEXCore

/// The Mustache contexts of the privacy page and the accessibility statement, from the node's
/// information and its `[privacy]` settings. Pure.
enum NoticePage {
    /// The axe-core version the accessibility test runs (`scripts/axe_check.py`).
    static let axeVersion = "4.12"
    /// When the accessibility statement was last brought up to date with the software.
    static let statementDate = "04-12-2026"
    /// What the privacy page says about earlier values in the logs.
    static let erasureText = """
        Eerdere waarden uit de logboeken van alle nodes wissen kan deze versie van de software nog niet (het ontwerp \
        daarvoor is klaar, de bouw nog niet); tot dan blijven ze in de logboeken staan.
        """

    /// The privacy page.
    static func privacy(_ info: NodeInfo, _ notice: PrivacyNotice) -> [String: Any] {
        let personal = RecordSchema.registerTypes.keys.sorted().flatMap { type in
            (RecordSchema.registerTypes[type]?.personalFields ?? []).map { "\(typeLabel(type)): \($0.label.lowercased())" }
        }
        let other = RecordSchema.initiative.fields.filter { !$0.personal }.map { $0.label.lowercased() }
        return PageModels.context([
            "nodeName": info.name, "controller": notice.controller ?? info.name, "contactEmail": notice.contactEmail,
            "officerEmail": notice.officerEmail, "retention": notice.retention, "areaText": areaText(info),
            "roleText": roleText(info), "personal": personal.map { ["label": $0] }, "otherFields": other.joined(separator: ", "),
            "sharedWith": sharedWith(info.role), "erasureText": erasureText,
        ])
    }

    /// The accessibility statement.
    static func accessibility(_ info: NodeInfo, _ notice: PrivacyNotice) -> [String: Any] {
        PageModels.context([
            "nodeName": info.name, "controller": notice.controller ?? info.name, "contactEmail": notice.contactEmail,
            "axeVersion": axeVersion, "statementDate": statementDate,
        ])
    }

    /// The Dutch name of a record type, for the list of personal fields.
    static func typeLabel(_ type: String) -> String {
        ["initiative": "Profiel", "need": "Hulpvraag", "offer": "Aanbod", "contribution": "Activiteit", "partner": "Partner"][type] ?? type
    }

    /// The node's role and area in words: `gemeente, GM0718`.
    static func roleText(_ info: NodeInfo) -> String {
        let role = ["municipality": "gemeente", "province": "provincie", "national": "landelijk", "fund": "fonds"][info.role.rawValue]
        return "\(role ?? info.role.rawValue), \(info.scope.joined(separator: ", "))"
    }

    /// The area the register covers: `Vlissingen`, `de provincie Zeeland`, `Nederland`.
    static func areaText(_ info: NodeInfo) -> String {
        switch info.role {
        case .municipality: return info.scope.map { "de gemeente " + Municipalities.name(of: $0) }.joined(separator: ", ")
        case .province: return info.scope.map { "de provincie " + (Municipalities.provinces[$0] ?? $0) }.joined(separator: ", ")
        case .national, .fund: return "Nederland"
        }
    }

    /// Who holds copies of the register, seen from a node of `role`.
    static func sharedWith(_ role: NodeRole) -> String {
        switch role {
        case .municipality: "de provincie, het landelijke MAEX-platform en de fondsen en partners die aan het netwerk meedoen"
        case .province: "de gemeenten in de provincie, het landelijke MAEX-platform en de fondsen en partners in het netwerk"
        case .national, .fund: "de provincies, de gemeenten en de fondsen en partners in het netwerk"
        }
    }
}
