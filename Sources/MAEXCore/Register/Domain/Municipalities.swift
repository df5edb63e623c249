/// The municipalities and provinces this version knows by name. Pure data.
///
/// Source: CBS municipality codes and COROP regions (CBS table 85755NED), from the project's
/// reference data `data/regions/zeeland_municipalities.csv`. Other provinces are added the same way.
public enum Municipalities {
    /// Every known municipality, sorted by name.
    public static let all: [Municipality] = [
        Municipality(code: "GM0654", name: "Borsele", province: "PV29", corop: "CR32", coropName: "Overig Zeeland"),
        Municipality(code: "GM0664", name: "Goes", province: "PV29", corop: "CR32", coropName: "Overig Zeeland"),
        Municipality(code: "GM0677", name: "Hulst", province: "PV29", corop: "CR31", coropName: "Zeeuwsch-Vlaanderen"),
        Municipality(code: "GM0678", name: "Kapelle", province: "PV29", corop: "CR32", coropName: "Overig Zeeland"),
        Municipality(code: "GM0687", name: "Middelburg", province: "PV29", corop: "CR32", coropName: "Overig Zeeland"),
        Municipality(code: "GM1695", name: "Noord-Beveland", province: "PV29", corop: "CR32", coropName: "Overig Zeeland"),
        Municipality(code: "GM0703", name: "Reimerswaal", province: "PV29", corop: "CR32", coropName: "Overig Zeeland"),
        Municipality(code: "GM1676", name: "Schouwen-Duiveland", province: "PV29", corop: "CR32", coropName: "Overig Zeeland"),
        Municipality(code: "GM1714", name: "Sluis", province: "PV29", corop: "CR31", coropName: "Zeeuwsch-Vlaanderen"),
        Municipality(code: "GM0715", name: "Terneuzen", province: "PV29", corop: "CR31", coropName: "Zeeuwsch-Vlaanderen"),
        Municipality(code: "GM0716", name: "Tholen", province: "PV29", corop: "CR32", coropName: "Overig Zeeland"),
        Municipality(code: "GM0717", name: "Veere", province: "PV29", corop: "CR32", coropName: "Overig Zeeland"),
        Municipality(code: "GM0718", name: "Vlissingen", province: "PV29", corop: "CR32", coropName: "Overig Zeeland"),
    ]

    /// Province names by code.
    public static let provinces: [String: String] = ["PV29": "Zeeland"]

    private static let byCode: [String: Municipality] = Dictionary(uniqueKeysWithValues: all.map { ($0.code, $0) })

    /// The municipality with `code`, if known.
    public static func named(_ code: String) -> Municipality? { byCode[code] }

    /// The municipality's name, or the code itself when unknown.
    public static func name(of code: String) -> String { byCode[code]?.name ?? code }

    /// The known municipalities of province `code`, sorted by name.
    public static func inProvince(_ code: String) -> [Municipality] { all.filter { $0.province == code } }
}
