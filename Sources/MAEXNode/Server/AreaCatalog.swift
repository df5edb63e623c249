import Hummingbird
import MAEXCore

/// Areas a request may name: a municipality (`GM0718`) stands for itself; a province code
/// stands for its municipalities. Pure data.
enum AreaCatalog {
    /// The municipalities of each known province, by CBS code.
    ///
    /// Zeeland (PV29): the 13 municipalities and their CBS codes as listed by CBS (Centraal
    /// Bureau voor de Statistiek, "Gemeentelijke indeling"), taken from the project's
    /// `data/regions/zeeland_municipalities.csv`. Other provinces are added the same way.
    static let provinces: [String: Set<String>] = [
        "PV29": [
            "GM0654",  // Borsele
            "GM0664",  // Goes
            "GM0677",  // Hulst
            "GM0678",  // Kapelle
            "GM0687",  // Middelburg
            "GM0703",  // Reimerswaal
            "GM0715",  // Terneuzen
            "GM0716",  // Tholen
            "GM0717",  // Veere
            "GM0718",  // Vlissingen
            "GM1676",  // Schouwen-Duiveland
            "GM1695",  // Noord-Beveland
            "GM1714",  // Sluis
        ]
    ]

    /// The municipality codes an area code covers.
    static func municipalities(of area: String) throws -> Set<String> {
        if CodePattern.municipality.matches(area) { return [area] }
        guard CodePattern.area.matches(area) else {
            throw APIError.invalidParameter("\"\(area.prefix(40))\" is not an area code: expected \(CodePattern.area.explanation)")
        }
        guard let members = provinces[area] else {
            throw APIError(
                .badRequest, code: "unknown_area",
                message: "province \(area) is not known to this node (known: \(provinces.keys.sorted().joined(separator: ", ")))")
        }
        return members
    }
}
