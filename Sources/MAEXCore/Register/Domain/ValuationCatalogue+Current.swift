extension ValuationCatalogue {
    /// The version of the catalogue this software ships.
    public static let catalogueVersion = "2026.1"

    /// The catalogue this software ships.
    ///
    /// THE VALUES ARE ILLUSTRATIVE: plausible orders of magnitude chosen for demonstration and
    /// tests, not an endorsed valuation method. Each `source` says what the number is modelled
    /// on; a real catalogue needs a documented method per line before values are published.
    public static let current = ValuationCatalogue(
        version: catalogueVersion,
        entries: [
            entry("repair-item", "Gerepareerd apparaat of kledingstuk", 12, "12.5", "reparatie", 2_500,
                  "illustratief: vermeden vervanging en afvalverwerking"),
            entry("food-parcel", "Uitgereikt voedselpakket", 2, "2.1", "pakket", 4_000,
                  "illustratief: winkelwaarde van een weekpakket"),
            entry("debt-support", "Huishouden begeleid uit schulden", 1, "1.2", "huishouden", 250_000,
                  "illustratief: vermeden maatschappelijke kosten van problematische schulden"),
            entry("home-visit", "Bezoek aan een eenzame oudere", 3, "3.4", "bezoek", 2_000,
                  "illustratief: vermeden zorggebruik door minder eenzaamheid"),
            entry("exercise-participant", "Deelnemer aan een beweegprogramma (jaar)", 3, "3.4", "deelnemer", 30_000,
                  "illustratief: gezondheidswinst per actieve deelnemer"),
            entry("language-lesson", "Gegeven uur taalles", 4, "4.6", "lesuur", 3_500,
                  "illustratief: marktprijs van een uur taalles"),
            entry("water-saved", "Bespaard drinkwater", 6, "6.4", "m3", 150,
                  "illustratief: drinkwatertarief per kubieke meter"),
            entry("solar-panel", "Geplaatst zonnepaneel (coöperatief)", 7, "7.2", "paneel", 12_000,
                  "illustratief: maatschappelijke waarde van duurzame opwek per paneel"),
            entry("job-placement", "Duurzame plaatsing in betaald werk", 8, "8.5", "plaatsing", 1_500_000,
                  "illustratief: vermeden uitkering en gewonnen inkomen in een jaar"),
            entry("inclusion-participant", "Deelnemer met afstand tot de arbeidsmarkt", 10, "10.2", "deelnemer", 50_000,
                  "illustratief: waarde van dagbesteding en participatie"),
            entry("neighbourhood-event", "Georganiseerde buurtactiviteit", 11, "11.3", "activiteit", 25_000,
                  "illustratief: waarde van sociale samenhang per activiteit"),
            entry("volunteer-hour", "Ingezet vrijwilligersuur", 11, nil, "uur", 1_500,
                  "illustratief: gangbare waardering van een vrijwilligersuur"),
            entry("co2-avoided", "Vermeden CO2-uitstoot", 13, "13.2", "ton CO2", 10_000,
                  "illustratief: orde van grootte van de Europese CO2-prijs"),
            entry("litter-collected", "Opgeruimd zwerfafval aan de kust", 14, "14.1", "kg", 200,
                  "illustratief: vermeden opruimkosten per kilo"),
            entry("tree-planted", "Geplante inheemse boom", 15, "15.2", "boom", 5_000,
                  "illustratief: aanplant en ecosysteemdiensten per boom"),
        ])

    private static func entry(
        _ activity: String, _ indicator: String, _ goal: Int, _ target: String?, _ unit: String, _ cents: Int64, _ source: String
    ) -> ValuationEntry {
        ValuationEntry(activity: activity, indicator: indicator, goal: goal, target: target, unit: unit, centsPerUnit: cents, source: source)
    }
}
