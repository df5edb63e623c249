import MAEXCore

/// The example initiatives of the demo: realistic, invented profiles in Dutch.
enum DemoSeeds {
    /// One initiative as typed text per field (parsed with the schema, as the CLI does).
    typealias Profile = KeyValuePairs<String, String>

    /// Vlissingen (GM0718).
    static let vlissingen: [Profile] = [
        [
            "name": "Repair Café Vlissingen",
            "description": "Elke laatste zaterdag van de maand repareren vrijwillige reparateurs samen met bezoekers kapotte lampen, fietsen, kleding en koffiezetapparaten. Weggooien is zonde!",
            "municipality": "GM0718", "legal_form": "stichting", "year_founded": "2016", "sdgs": "11,12,13",
            "themes": "circulair,ontmoeting", "volunteers": "12", "phase": "volwassen", "status": "actief", "publication_consent": "ja", "last_verified": "2026-10-02",
            "website": "https://repaircafevlissingen.example.nl", "address": "Paul Krugerstraat 2, Vlissingen",
        ],
        [
            "name": "Voedselbank Vlissingen",
            "description": "Verstrekt wekelijks voedselpakketten aan huishoudens die tijdelijk niet rond kunnen komen, met voedsel dat anders verspild zou worden.",
            "municipality": "GM0718", "legal_form": "stichting", "year_founded": "2005", "sdgs": "1,2,12",
            "themes": "armoede,voedsel", "volunteers": "65", "people_reached": "480", "phase": "volwassen", "status": "actief", "publication_consent": "ja", "last_verified": "2026-09-18",
            "anbi": "ja",
        ],
        [
            "name": "Buurtmoestuin Oost-Souburg",
            "description": "Buurtbewoners telen samen groente en kruiden op een braakliggend stuk grond; de oogst gaat deels naar de voedselbank.",
            "municipality": "GM0718", "legal_form": "informeel", "year_founded": "2021", "sdgs": "2,3,11,15",
            "themes": "groen,ontmoeting,voedsel", "volunteers": "18", "phase": "groei", "status": "actief", "publication_consent": "ja", "last_verified": "2026-06-30",
        ],
        [
            "name": "Taalcafé De Kade",
            "description": "Nieuwkomers oefenen elke dinsdagavond Nederlands met vrijwilligers uit de wijk, bij koffie en een spelletje.",
            "municipality": "GM0718", "legal_form": "vereniging", "year_founded": "2018", "sdgs": "4,10",
            "themes": "inclusie,taal", "volunteers": "9", "phase": "groei", "status": "actief", "publication_consent": "ja", "last_verified": "2026-11-04",
        ],
    ]

    /// Tholen (GM0716).
    static let tholen: [Profile] = [
        [
            "name": "Energiecoöperatie Tholen",
            "description": "Inwoners van Tholen en Sint Philipsland wekken samen zonne-energie op: 2.400 panelen op daken van boerenschuren, en een energiecoach voor iedereen die wil besparen.",
            "municipality": "GM0716", "legal_form": "cooperatie", "year_founded": "2014", "sdgs": "7,11,13",
            "themes": "energie,klimaat", "volunteers": "21", "people_reached": "900", "phase": "volwassen", "status": "actief", "publication_consent": "ja", "last_verified": "2026-08-21",
            "website": "https://energietholen.example.nl",
        ],
        [
            "name": "Zorgcoöperatie Sint-Maartensdijk",
            "description": "Dorpsgenoten helpen ouderen met boodschappen, vervoer naar de huisarts en een wekelijkse warme maaltijd in het dorpshuis.",
            "municipality": "GM0716", "legal_form": "cooperatie", "year_founded": "2019", "sdgs": "3,10,11",
            "themes": "ontmoeting,zorg", "volunteers": "40", "phase": "groei", "status": "actief", "publication_consent": "ja", "last_verified": "2026-03-12",
        ],
        [
            "name": "Natuurwerkgroep Oesterdam",
            "description": "Vrijwilligers onderhouden wandelpaden en vogelkijkhutten langs de Oesterdam en tellen elk voorjaar de broedvogels.",
            "municipality": "GM0716", "legal_form": "vereniging", "year_founded": "1998", "sdgs": "14,15",
            "themes": "groen,natuur", "volunteers": "25", "phase": "volwassen", "status": "actief", "publication_consent": "nee",
        ],
    ]

    /// The initiative Vlissingen adds while it is offline.
    static let offlineAddition: Profile = [
        "name": "Zwerfafvalteam Vlissingen",
        "description": "Elke eerste zondag prikken buurtbewoners zwerfafval op de boulevard en in het Nollebos; de gemeente haalt de zakken op.",
        "municipality": "GM0718", "legal_form": "informeel", "year_founded": "2026", "sdgs": "11,12,14",
        "themes": "schoon,zwerfafval", "volunteers": "7", "phase": "start", "status": "actief", "publication_consent": "ja", "last_verified": "2026-11-20",
    ]

    /// Parses a profile's text fields into values with the initiative schema.
    static func values(_ profile: Profile) throws -> [String: JSONValue] {
        var values: [String: JSONValue] = [:]
        for (field, text) in profile {
            values[field] = try RecordSchema.initiative.field(field).parse(text)
        }
        return values
    }
}
