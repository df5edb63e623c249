extension RecordSchema {
    /// The record types hanging from an initiative. Each sub-record has its own id, so two nodes
    /// adding one concurrently both keep theirs; each names its initiative and copies the
    /// initiative's municipality, which scopes who may edit it and lets a store select the
    /// sub-records of a municipality as it selects initiatives.
    public static let subRecords: [RecordSchema] = [contribution, need, offer, partner]

    /// Every record type of the register that this version knows, by type.
    public static let registerTypes: [String: RecordSchema] = Dictionary(
        uniqueKeysWithValues: ([initiative] + subRecords + impulsTypes).map { ($0.type, $0) })

    /// The two fields every sub-record starts with: its initiative (a lowercase UUID, checked by
    /// `RecordValidator`) and that initiative's municipality.
    static func parentFields() -> [FieldSpec] {
        [
            FieldSpec(Field.initiative, .text(maxLength: 36), required: true, label: "Initiatief"),
            FieldSpec(Field.municipality, .code(.municipality), required: true, label: "Gemeente"),
        ]
    }
}
