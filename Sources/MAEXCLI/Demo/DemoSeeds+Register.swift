import MAEXCore
import MAEXNode

extension DemoSeeds {
    /// What hangs from each demo initiative, by name: handprint lines (activities valued with
    /// the catalogue), needs, offers and partners. Invented but plausible numbers.
    static func children(of name: String) -> [SubRecordKind: [[String: JSONValue]]] {
        switch name {
        case "Repair Café Vlissingen":
            return [
                .contributions: [line("repair-item", 412, 2025), line("volunteer-hour", 1_150, 2025), line("repair-item", 450, 2026, "prognose")],
                .needs: [need("vrijwilligers", "Handige reparateurs voor fietsen en elektronica", hours: 200)],
                .offers: [offer("dienst", "Reparatieworkshop voor scholen en bedrijven", socialReturn: true, price: "€ 250 per workshop")],
                .partners: [partner("Gemeente Vlissingen", "mogelijkmaker")],
            ]
        case "Voedselbank Vlissingen":
            return [
                .contributions: [line("food-parcel", 9_800, 2025), line("volunteer-hour", 6_200, 2025)],
                .needs: [need("geld", "Een koelcel voor verse groente en zuivel", cents: 1_850_000), need("ruimte", "Opslagruimte voor houdbare producten")],
                .partners: [partner("Jumbo Vlissingen", "partner")],
            ]
        case "Buurtmoestuin Oost-Souburg":
            return [
                .contributions: [line("neighbourhood-event", 14, 2025), line("tree-planted", 30, 2025)],
                .needs: [need("materialen", "Regentonnen en gereedschap"), need("kennis", "Advies over biologische bestrijding")],
                .offers: [offer("product", "Seizoensgroente uit de buurt", socialReturn: false, price: "vrijwillige bijdrage")],
            ]
        case "Taalcafé De Kade":
            return [
                .contributions: [line("language-lesson", 760, 2025), line("inclusion-participant", 38, 2025)],
                .needs: [need("vrijwilligers", "Taalmaatjes voor de dinsdagavond", hours: 150)],
            ]
        case "Energiecoöperatie Tholen":
            return [
                .contributions: [line("solar-panel", 2_400, 2025), line("co2-avoided", 310, 2025)],
                .needs: [need("partnerschap", "Bedrijfsdaken voor een tweede zonnedak")],
                .offers: [offer("dienst", "Energiecoach aan huis", socialReturn: true, price: "gratis voor inwoners"),
                          offer("product", "Lokale stroom voor leden", socialReturn: false, price: "volgens tarief")],
                .partners: [partner("Provincie Zeeland", "financier"), partner("Gemeente Tholen", "mogelijkmaker")],
            ]
        case "Zorgcoöperatie Sint-Maartensdijk":
            return [
                .contributions: [line("home-visit", 1_300, 2025), line("volunteer-hour", 3_900, 2025)],
                .needs: [need("vrijwilligers", "Chauffeurs voor ritten naar het ziekenhuis", hours: 300), need("geld", "Een tweede elektrische bus", cents: 4_500_000)],
                .offers: [offer("dienst", "Maaltijden voor ouderen", socialReturn: true, price: "€ 7,50 per maaltijd")],
            ]
        case "Natuurwerkgroep Oesterdam":
            return [
                .contributions: [line("litter-collected", 1_800, 2025), line("tree-planted", 120, 2025)],
                .needs: [need("media", "Aandacht voor de jaarlijkse broedvogeltelling")],
                .partners: [partner("Staatsbosbeheer", "partner")],
            ]
        default:
            return [:]
        }
    }

    private static func line(_ activity: String, _ quantity: Int64, _ year: Int64, _ kind: String = "gerealiseerd") -> [String: JSONValue] {
        ["activity": .string(activity), "quantity": .int(quantity), "year": .int(year), "kind": .string(kind)]
    }

    private static func need(_ kind: String, _ description: String, hours: Int64? = nil, cents: Int64? = nil) -> [String: JSONValue] {
        var values: [String: JSONValue] = ["kind": .string(kind), "description": .string(description), "status": .string("open")]
        if let hours { values["hours"] = .int(hours) }
        if let cents { values["amount_cents"] = .int(cents) }
        return values
    }

    private static func offer(_ kind: String, _ name: String, socialReturn: Bool, price: String) -> [String: JSONValue] {
        ["kind": .string(kind), "name": .string(name), "social_return": .bool(socialReturn), "price": .string(price)]
    }

    private static func partner(_ organisation: String, _ role: String) -> [String: JSONValue] {
        ["organisation": .string(organisation), "role": .string(role)]
    }
}
