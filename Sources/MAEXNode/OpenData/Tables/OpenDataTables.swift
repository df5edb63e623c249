import MAEXCore

/// The open-data tables of a register as CSV: initiatives, needs, offers and the handprint per
/// SDG, municipality and year (`HandprintTable`). Lists inside a cell are separated by `;`,
/// booleans are `true`/`false`, money is in euro cents, absent values are empty. Pure.
enum OpenDataTables {
    /// The files of the CSV export, by file name.
    static func all(_ register: OpenDataRegister) -> [(name: String, table: CSVTable)] {
        [
            ("initiatives.csv", initiatives(register)), ("needs.csv", needs(register)), ("offers.csv", offers(register)),
            (HandprintTable.fileName, HandprintTable.table(register)),
        ]
    }

    static let initiativeColumns = [
        "id", "name", "alternate_name", "description", "municipality", "municipality_name", "legal_form", "kvk", "anbi", "year_founded",
        "website", "email", "phase", "status", "address", "working_area", "sdgs", "themes", "volunteers", "paid_staff", "people_reached",
        "last_verified", "last_modified",
    ]

    static func initiatives(_ register: OpenDataRegister) -> CSVTable {
        CSVTable(
            header: initiativeColumns,
            rows: register.initiatives.map { initiative in
                let profile = initiative.profile
                return [
                    profile.id, profile.name, text(profile.alternateName), text(profile.description), profile.municipality,
                    Municipalities.name(of: profile.municipality), text(profile.legalForm), text(initiative.kvk), text(initiative.anbi),
                    text(profile.yearFounded), text(profile.website), text(profile.email), text(profile.phase), text(profile.status),
                    text(profile.address), initiative.workingArea.joined(separator: ";"), profile.sdgs.map(String.init).joined(separator: ";"),
                    profile.themes.joined(separator: ";"), text(profile.volunteers), text(initiative.paidStaff), text(profile.peopleReached),
                    text(profile.lastVerified), OpenDataTime.iso(milliseconds: initiative.modified),
                ]
            })
    }

    static func needs(_ register: OpenDataRegister) -> CSVTable {
        CSVTable(
            header: ["id", "initiative", "municipality", "kind", "description", "amount_cents", "hours", "skills", "status", "expires"],
            rows: register.needs.sorted { ($0.initiative, $0.id) < ($1.initiative, $1.id) }.map { need in
                [
                    need.id, need.initiative, need.municipality, need.kind, need.description, text(need.amountCents), text(need.hours),
                    need.skills.joined(separator: ";"), need.status, text(need.expires),
                ]
            })
    }

    static func offers(_ register: OpenDataRegister) -> CSVTable {
        CSVTable(
            header: ["id", "initiative", "municipality", "kind", "name", "description", "price", "social_return", "target_group", "area", "contact"],
            rows: register.offers.sorted { ($0.initiative, $0.id) < ($1.initiative, $1.id) }.map { offer in
                [
                    offer.id, offer.initiative, offer.municipality, offer.kind, offer.name, text(offer.description), text(offer.price),
                    text(offer.socialReturn), text(offer.targetGroup), offer.area.joined(separator: ";"), text(offer.contact),
                ]
            })
    }

    private static func text(_ value: String?) -> String { value ?? "" }
    private static func text(_ value: Int64?) -> String { value.map(String.init) ?? "" }
    private static func text(_ value: Bool?) -> String { value.map { $0 ? "true" : "false" } ?? "" }
}
