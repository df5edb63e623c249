extension RecordSchema {
    /// What an initiative may ask for.
    public static let needKinds = NeedKind.allCases.map(\.rawValue)
    /// The states of a need.
    public static let needStatuses = NeedStatus.allCases.map(\.rawValue)

    /// Something an initiative needs: money (`amount_cents`), hours of help (`hours`), skills.
    public static let need = RecordSchema(
        type: "need",
        fields: parentFields() + [
            FieldSpec(Field.kind, .choice(needKinds), required: true, label: "Soort behoefte"),
            FieldSpec("description", .text(maxLength: 2000), required: true, label: "Omschrijving", personal: true),
            FieldSpec(Field.amountCents, .integer(0...100_000_000_000), label: "Bedrag (cent)"),
            FieldSpec("hours", .integer(0...1_000_000), label: "Uren"),
            FieldSpec("skills", .wordSet(pattern: .word), label: "Vaardigheden"),
            FieldSpec(Field.status, .choice(needStatuses), required: true, label: "Status"),
            FieldSpec("expires", .date, label: "Verloopt op"),
        ]
    )
}
