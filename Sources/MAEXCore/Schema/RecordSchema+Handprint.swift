extension RecordSchema {
    /// The contribution kinds: a forecast or a realised result.
    public static let contributionKinds = ContributionKind.allCases.map(\.rawValue)

    /// One line of an initiative's Social Handprint: a contribution to an SDG, valued with a
    /// version of the valuation catalogue. `total_cents` must equal `quantity` times
    /// `value_per_unit_cents` (`RecordValidator`).
    public static let contribution = RecordSchema(
        type: "contribution",
        fields: parentFields() + [
            FieldSpec("goal", .integer(1...17), required: true, label: "SDG"),
            FieldSpec("target", .text(maxLength: 5), label: "Subdoel"),
            FieldSpec(Field.activity, .code(.word), required: true, label: "Activiteit"),
            FieldSpec("indicator", .text(maxLength: 200), required: true, label: "Indicator"),
            FieldSpec(Field.quantity, .integer(0...1_000_000_000), required: true, label: "Aantal"),
            FieldSpec("unit", .text(maxLength: 40), required: true, label: "Eenheid"),
            FieldSpec(Field.valuePerUnitCents, .integer(0...1_000_000_000), required: true, label: "Waarde per eenheid (cent)"),
            FieldSpec(Field.totalCents, .integer(0...JSONValue.maxSafeInteger), required: true, label: "Totale waarde (cent)"),
            FieldSpec("year", .integer(2000...2100), required: true, label: "Jaar"),
            FieldSpec(Field.kind, .choice(contributionKinds), required: true, label: "Soort"),
            FieldSpec("method_version", .text(maxLength: 20), required: true, label: "Versie waarderingsmethode"),
            FieldSpec("evidence", .code(.url), label: "Onderbouwing"),
        ]
    )
}
