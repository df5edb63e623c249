import MAEXCore

/// The Social Handprint per SDG, municipality and year, laid out to join with CBS StatLine
/// regional tables: `RegioS` is the CBS region code (`GM0718`), `Perioden` the StatLine period
/// (`2025JJ00`, a whole year), `Jaar` the plain year. One row per (municipality, SDG, year) with
/// realised contributions; the municipality is the initiative profile's.
///
/// - `WaardeCent`/`WaardeEuro`: the summed value of contributions whose initiative consented
///   to publication (the public handprint); `BijdragenZonderWaarde` counts the others.
/// - `Initiatieven`: distinct initiatives contributing; `Vrijwilligers` and `BereikteMensen`:
///   the sums of those initiatives' volunteers and people reached as their profiles state them
///   now (profiles hold no yearly figures). Pure.
enum HandprintTable {
    static let fileName = "handprint_sdg_gemeente_jaar.csv"

    static let columns = [
        "RegioS", "Perioden", "Jaar", "Gemeente", "SDG", "SDGCode", "SDGNaam", "WaardeCent", "WaardeEuro", "Bijdragen",
        "BijdragenZonderWaarde", "Initiatieven", "Vrijwilligers", "BereikteMensen",
    ]

    /// One cell group of the table.
    struct Row: Equatable {
        let municipality: String
        let goal: Int
        let year: Int
        var valueCents: Int64 = 0
        var contributions = 0
        var undisclosed = 0
        var initiatives: Set<String> = []
    }

    /// The rows, by municipality, year and goal.
    static func rows(_ register: OpenDataRegister) -> [Row] {
        let profiles = Dictionary(register.initiatives.map { ($0.id, $0.profile) }, uniquingKeysWith: { first, _ in first })
        var rows: [String: Row] = [:]
        for contribution in register.contributions where contribution.kind == .realised {
            guard let profile = profiles[contribution.initiative] else { continue }
            let key = "\(profile.municipality) \(contribution.year) \(contribution.goal)"
            var row = rows[key] ?? Row(municipality: profile.municipality, goal: contribution.goal, year: contribution.year)
            row.contributions += 1
            if profile.publicationConsent {
                let (sum, overflow) = row.valueCents.addingReportingOverflow(contribution.valueCents)
                row.valueCents = overflow ? .max : sum
            } else {
                row.undisclosed += 1
            }
            row.initiatives.insert(profile.id)
            rows[key] = row
        }
        return rows.values.sorted { ($0.municipality, $0.year, $0.goal) < ($1.municipality, $1.year, $1.goal) }
    }

    /// The CSV table.
    static func table(_ register: OpenDataRegister) -> CSVTable {
        let profiles = Dictionary(register.initiatives.map { ($0.id, $0.profile) }, uniquingKeysWith: { first, _ in first })
        return CSVTable(
            header: columns,
            rows: rows(register).map { row in
                let members = row.initiatives.compactMap { profiles[$0] }
                let goal = SDG.number(row.goal)
                return [
                    row.municipality, "\(row.year)JJ00", String(row.year), Municipalities.name(of: row.municipality), String(row.goal),
                    goal?.code ?? "", goal?.name ?? "", String(row.valueCents), euros(row.valueCents), String(row.contributions),
                    String(row.undisclosed), String(row.initiatives.count), String(members.reduce(0) { $0 + ($1.volunteers ?? 0) }),
                    String(members.reduce(0) { $0 + ($1.peopleReached ?? 0) }),
                ]
            })
    }

    /// Cents as euros with two decimals and a point (`1234.50`).
    static func euros(_ cents: Int64) -> String {
        let remainder = cents % 100
        return "\(cents / 100)." + (remainder < 10 ? "0" : "") + String(remainder)
    }
}
