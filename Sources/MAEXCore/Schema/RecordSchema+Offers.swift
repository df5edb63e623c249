extension RecordSchema {
    /// What an initiative offers: a product or a service.
    public static let offerKinds = OfferKind.allCases.map(\.rawValue)
    /// The roles of a partner.
    public static let partnerRoles = PartnerRole.allCases.map(\.rawValue)

    /// A product or service an initiative offers (HSDS `service`), possibly eligible for social
    /// return (`social_return`) in public procurement.
    public static let offer = RecordSchema(
        type: "offer",
        fields: parentFields() + [
            FieldSpec(Field.kind, .choice(offerKinds), required: true, label: "Soort aanbod"),
            FieldSpec(Field.name, .text(maxLength: 200), required: true, label: "Naam"),
            FieldSpec("description", .text(maxLength: 2000), label: "Omschrijving", personal: true),
            FieldSpec("price", .text(maxLength: 200), label: "Prijsinformatie"),
            FieldSpec("social_return", .boolean, label: "Telt mee voor social return"),
            FieldSpec("target_group", .text(maxLength: 200), label: "Doelgroep"),
            FieldSpec("area", .wordSet(pattern: .area), label: "Gebied"),
            FieldSpec("contact", .text(maxLength: 200), label: "Contact"),
        ]
    )

    /// A relation between an initiative and an organisation that funds, partners with, enables
    /// or buys from it, over a period.
    public static let partner = RecordSchema(
        type: "partner",
        fields: parentFields() + [
            FieldSpec("organisation", .text(maxLength: 200), required: true, label: "Organisatie"),
            FieldSpec("role", .choice(partnerRoles), required: true, label: "Rol"),
            FieldSpec("from", .date, label: "Vanaf"),
            FieldSpec("to", .date, label: "Tot en met"),
        ]
    )
}
