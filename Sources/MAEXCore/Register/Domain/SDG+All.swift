extension SDG {
    /// The 17 goals in order.
    ///
    /// Source: the project's reference data `data/sdg/sdg_goals.csv`: English short names from
    /// open-sdg/sdg-translations (`translations/en/global_goals.yml`, MIT), official colours from
    /// the UN "Guidelines for the use of the SDG logo" (2020), Dutch names from SDG Nederland;
    /// the short names are this project's own abbreviations.
    public static let all: [SDG] = [
        SDG(number: 1, name: "Geen armoede", shortName: "Geen armoede", englishName: "No poverty", colour: "#E5243B"),
        SDG(number: 2, name: "Geen honger", shortName: "Geen honger", englishName: "Zero hunger", colour: "#DDA63A"),
        SDG(number: 3, name: "Goede gezondheid en welzijn", shortName: "Gezondheid en welzijn", englishName: "Good health and well-being", colour: "#4C9F38"),
        SDG(number: 4, name: "Kwaliteitsonderwijs", shortName: "Kwaliteitsonderwijs", englishName: "Quality education", colour: "#C5192D"),
        SDG(number: 5, name: "Gendergelijkheid", shortName: "Gendergelijkheid", englishName: "Gender equality", colour: "#FF3A21"),
        SDG(number: 6, name: "Schoon water en sanitair", shortName: "Schoon water", englishName: "Clean water and sanitation", colour: "#26BDE2"),
        SDG(number: 7, name: "Betaalbare en duurzame energie", shortName: "Duurzame energie", englishName: "Affordable and clean energy", colour: "#FCC30B"),
        SDG(number: 8, name: "Waardig werk en economische groei", shortName: "Werk en economie", englishName: "Decent work and economic growth", colour: "#A21942"),
        SDG(number: 9, name: "Industrie, innovatie en infrastructuur", shortName: "Industrie en innovatie", englishName: "Industry, innovation and infrastructure", colour: "#FD6925"),
        SDG(number: 10, name: "Ongelijkheid verminderen", shortName: "Minder ongelijkheid", englishName: "Reduced inequalities", colour: "#DD1367"),
        SDG(number: 11, name: "Duurzame steden en gemeenschappen", shortName: "Duurzame gemeenschappen", englishName: "Sustainable cities and communities", colour: "#FD9D24"),
        SDG(number: 12, name: "Verantwoorde consumptie en productie", shortName: "Verantwoord consumeren", englishName: "Responsible consumption and production", colour: "#BF8B2E"),
        SDG(number: 13, name: "Klimaatactie", shortName: "Klimaatactie", englishName: "Climate action", colour: "#3F7E44"),
        SDG(number: 14, name: "Leven in het water", shortName: "Leven in het water", englishName: "Life below water", colour: "#0A97D9"),
        SDG(number: 15, name: "Leven op het land", shortName: "Leven op het land", englishName: "Life on land", colour: "#56C02B"),
        SDG(number: 16, name: "Vrede, justitie en sterke publieke diensten", shortName: "Vrede en justitie", englishName: "Peace, justice and strong institutions", colour: "#00689D"),
        SDG(number: 17, name: "Partnerschap om doelstellingen te bereiken", shortName: "Partnerschap", englishName: "Partnerships for the goals", colour: "#19486A"),
    ]
}
