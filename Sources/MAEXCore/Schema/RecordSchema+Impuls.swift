extension RecordSchema {
    /// The phases of an initiative, from young to old (`initiative.phase`).
    public static let phases = ["plan", "start", "groei", "volwassen"]
    /// Who pledges money to a fund.
    public static let funderKinds = ["fonds", "bank", "gemeente", "provincie", "bedrijf"]
    /// What a fund decides on an application.
    public static let decisionOutcomes = ["toegekend", "afgewezen", "meer-info"]
    /// The kinds of support a partner gives an initiative beyond Impuls.
    public static let supportKinds = ["donatie", "partnerschap", "kennis", "media"]

    /// The MAEX Impuls record types. Those of a fund (`fund`, `pledge`, `decision`, `payment`)
    /// have their home in the `fund` field, a fund code: only a node certified for that fund
    /// writes them. Those of an initiative (`application`, `report`, `support`) have their home
    /// in `municipality`, the initiative's: only its hosting node writes them. An application
    /// names its fund in `fund_code`, not `fund`, so it is not also homed in the fund.
    public static let impulsTypes: [RecordSchema] = [fund, pledge, application, decision, payment, report, support]

    /// A fund: its terms and criteria. Amounts in euro cents.
    public static let fund = RecordSchema(
        type: "fund",
        fields: [
            fundField(),
            FieldSpec("name", .text(maxLength: 200), required: true, label: "Naam"),
            FieldSpec("purpose", .text(maxLength: 2000), label: "Doel"),
            FieldSpec("areas", .wordSet(pattern: .area), label: "Gemeenten en provincies"),
            FieldSpec("sdgs", .integerSet(1...17), label: "SDG's"),
            FieldSpec("themes", .wordSet(pattern: .word), label: "Thema's"),
            FieldSpec("min_phase", .choice(phases), label: "Minimale fase"),
            FieldSpec("complete_profile", .boolean, label: "Volledig profiel vereist"),
            FieldSpec("grant_interval_months", .integer(0...120), label: "Maanden tussen toekenningen"),
            FieldSpec("require_accounted", .boolean, label: "Eerdere toekenningen verantwoord"),
            FieldSpec("amount_min_cents", .integer(1...100_000_000_000), required: true, label: "Minimumbedrag (cent)"),
            FieldSpec("amount_max_cents", .integer(1...100_000_000_000), required: true, label: "Maximumbedrag (cent)"),
            FieldSpec("opens", .date, label: "Open vanaf"),
            FieldSpec("closes", .date, label: "Open tot en met"),
            FieldSpec("decision_days", .integer(1...365), label: "Besluit binnen (dagen)"),
            FieldSpec("accountability", .text(maxLength: 1000), label: "Verantwoording"),
        ]
    )

    /// Money pledged to a fund by a co-funder, recorded by the fund's node on its behalf.
    public static let pledge = RecordSchema(
        type: "pledge",
        fields: [
            fundField(),
            FieldSpec("funder", .text(maxLength: 200), required: true, label: "Financier"),
            FieldSpec("funder_kind", .choice(funderKinds), required: true, label: "Soort financier"),
            FieldSpec("amount_cents", .integer(1...100_000_000_000), required: true, label: "Bedrag (cent)"),
            FieldSpec("date", .date, label: "Datum"),
        ]
    )

    /// An initiative's application to a fund, written by its hosting node.
    public static let application = RecordSchema(
        type: "application",
        fields: parentFields() + [
            FieldSpec("fund_code", .code(.word), required: true, label: "Fonds"),
            FieldSpec("motivation", .text(maxLength: 2000), required: true, label: "Motivatie"),
            FieldSpec("amount_cents", .integer(1...100_000_000_000), required: true, label: "Bedrag (cent)"),
            FieldSpec("impact", .text(maxLength: 2000), required: true, label: "Beoogde impact"),
            FieldSpec("submitted", .date, required: true, label: "Ingediend op"),
        ]
    )

    /// The fund's decision on an application.
    public static let decision = RecordSchema(
        type: "decision",
        fields: [
            fundField(),
            FieldSpec("application", .text(maxLength: 36), required: true, label: "Aanvraag"),
            FieldSpec("initiative", .text(maxLength: 36), label: "Initiatief"),
            FieldSpec("outcome", .choice(decisionOutcomes), required: true, label: "Besluit"),
            FieldSpec("reason", .text(maxLength: 2000), label: "Reden"),
            FieldSpec("amount_cents", .integer(0...100_000_000_000), label: "Bedrag (cent)"),
            FieldSpec("decided", .date, required: true, label: "Besloten op"),
        ]
    )

    /// A payment of a granted application.
    public static let payment = RecordSchema(
        type: "payment",
        fields: [
            fundField(),
            FieldSpec("application", .text(maxLength: 36), required: true, label: "Aanvraag"),
            FieldSpec("amount_cents", .integer(1...100_000_000_000), required: true, label: "Bedrag (cent)"),
            FieldSpec("date", .date, required: true, label: "Betaald op"),
        ]
    )

    /// The initiative's accountability for a grant: a short summary or a link.
    public static let report = RecordSchema(
        type: "report",
        fields: parentFields() + [
            FieldSpec("application", .text(maxLength: 36), required: true, label: "Aanvraag"),
            FieldSpec("summary", .text(maxLength: 2000), label: "Samenvatting"),
            FieldSpec("link", .code(.url), label: "Link"),
            FieldSpec("date", .date, required: true, label: "Datum"),
        ]
    )

    /// Support a partner gives an initiative: a donation, a partnership, knowledge or media.
    public static let support = RecordSchema(
        type: "support",
        fields: parentFields() + [
            FieldSpec("kind", .choice(supportKinds), required: true, label: "Soort steun"),
            FieldSpec("partner", .text(maxLength: 200), required: true, label: "Partner"),
            FieldSpec("description", .text(maxLength: 2000), label: "Omschrijving"),
            FieldSpec("amount_cents", .integer(0...100_000_000_000), label: "Bedrag (cent)"),
            FieldSpec("date", .date, label: "Datum"),
        ]
    )

    /// The home field of a fund's records: the fund code.
    static func fundField() -> FieldSpec {
        FieldSpec(AuthorityRules.fundField, .code(.word), required: true, label: "Fondscode")
    }
}
