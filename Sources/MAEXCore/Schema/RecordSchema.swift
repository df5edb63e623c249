/// The fields a record type has. Change sets may carry any field (newer schema versions add
/// some); a schema is what this node checks when it authors an edit and what pages show.
public struct RecordSchema: Sendable {
    /// The record type.
    public var type: String
    /// The fields in display order.
    public var fields: [FieldSpec]

    /// Creates a schema.
    public init(type: String, fields: [FieldSpec]) {
        self.type = type
        self.fields = fields
    }

    /// The fields that hold or may hold personal data, in display order.
    public var personalFields: [FieldSpec] { fields.filter(\.personal) }

    /// The spec of a field.
    public func field(_ name: String) throws(SchemaError) -> FieldSpec {
        guard let spec = fields.first(where: { $0.name == name }) else { throw .unknownField(type: type, field: name) }
        return spec
    }

    /// Checks a whole new record: every value valid and every required field present.
    public func validateNew(_ values: [String: JSONValue]) throws(SchemaError) {
        for (name, value) in values.sorted(by: { $0.key < $1.key }) {
            try field(name).validate(value)
        }
        for spec in fields where spec.required {
            guard let value = values[spec.name], value != .null else { throw .required(field: spec.name) }
        }
    }

    /// The schema of a record type known to this version.
    public static func named(_ type: String) throws(SchemaError) -> RecordSchema {
        switch type {
        case initiative.type: return initiative
        default: if let schema = registerTypes[type] { return schema } else { throw .unknownType(type) }
        }
    }

    /// A civic initiative's profile (HSDS `organization` plus its main `service`).
    public static let initiative = RecordSchema(
        type: "initiative",
        fields: [
            FieldSpec(Field.name, .text(maxLength: 200), required: true, label: "Naam"),
            FieldSpec("alternate_name", .text(maxLength: 200), label: "Andere naam"),
            FieldSpec("description", .text(maxLength: 5000), label: "Beschrijving", personal: true),
            FieldSpec(Field.municipality, .code(.municipality), required: true, label: "Gemeente"),
            FieldSpec("legal_form", .choice(["stichting", "vereniging", "cooperatie", "bv", "informeel"]), label: "Rechtsvorm"),
            FieldSpec("kvk", .code(.kvk), label: "KvK-nummer"),
            FieldSpec("anbi", .boolean, label: "ANBI-status"),
            FieldSpec("year_founded", .integer(1800...2200), label: "Opgericht in"),
            FieldSpec("website", .code(.url), label: "Website"),
            FieldSpec("email", .code(.email), label: "E-mail", personal: true),
            FieldSpec(Field.phase, .choice(InitiativePhase.allCases.map(\.rawValue)), label: "Fase"),
            FieldSpec(Field.status, .choice(InitiativeStatus.allCases.map(\.rawValue)), label: "Status"),
            FieldSpec("address", .text(maxLength: 300), label: "Adres", personal: true),
            FieldSpec("working_area", .wordSet(pattern: .area), label: "Werkgebied"),
            FieldSpec(Field.sdgs, .integerSet(1...17), label: "SDG's"),
            FieldSpec(Field.themes, .wordSet(pattern: .word), label: "Thema's"),
            FieldSpec("volunteers", .integer(0...1_000_000), label: "Vrijwilligers"),
            FieldSpec("paid_staff", .integer(0...1_000_000), label: "Betaalde krachten"),
            FieldSpec("people_reached", .integer(0...100_000_000), label: "Bereikte mensen"),
            FieldSpec(Field.lastVerified, .date, label: "Laatst bevestigd"),
            FieldSpec(Field.publicationConsent, .boolean, label: "Toestemming publicatie"),
        ]
    )
}
