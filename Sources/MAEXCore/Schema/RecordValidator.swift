/// Checks that need more than one field, or a field against other data: what `FieldSpec`
/// cannot check alone. Pure. Messages are Dutch, with the field they are about.
public enum RecordValidator {
    /// Checks a whole new record of `type`: the schema first, then the cross-field rules.
    public static func validateNew(type: String, _ values: [String: JSONValue]) throws(SchemaError) {
        try RecordSchema.named(type).validateNew(values)
        try checkRules(type: type, values)
    }

    /// The cross-field rules of `type` over a record's (merged) values; fields left out are
    /// not checked.
    public static func checkRules(type: String, _ values: [String: JSONValue]) throws(SchemaError) {
        if RecordSchema.subRecords.contains(where: { $0.type == type }), let initiative = values["initiative"]?.stringValue {
            guard EnvelopeRules.isValidRecordID(initiative) else {
                throw .invalid(field: "initiative", reason: "verwacht de id van een initiatief (een UUID in kleine letters)")
            }
        }
        switch type {
        case RecordSchema.contribution.type: try checkContribution(values)
        case RecordSchema.need.type: try checkNeed(values)
        case RecordSchema.partner.type: try checkPartner(values)
        default: try checkImpuls(type: type, values)
        }
    }

    /// `quantity` times `value_per_unit_cents`, or `nil` when either is missing or it overflows.
    public static func total(quantity: Int64?, centsPerUnit: Int64?) -> Int64? {
        guard let quantity, let centsPerUnit else { return nil }
        let (product, overflow) = quantity.multipliedReportingOverflow(by: centsPerUnit)
        return overflow ? nil : product
    }

    private static func checkContribution(_ values: [String: JSONValue]) throws(SchemaError) {
        if let goal = values["goal"]?.intValue, let target = values["target"]?.stringValue, let sdg = SDG.number(Int(goal)) {
            guard sdg.hasTarget(target) else {
                throw .invalid(field: "target", reason: "verwacht een subdoel van SDG \(goal), zoals \(goal).1")
            }
        }
        if let stated = values["total_cents"]?.intValue {
            let computed = total(quantity: values["quantity"]?.intValue, centsPerUnit: values["value_per_unit_cents"]?.intValue)
            guard computed == stated else {
                throw .invalid(field: "total_cents", reason: "moet gelijk zijn aan aantal maal waarde per eenheid")
            }
        }
    }

    private static func checkNeed(_ values: [String: JSONValue]) throws(SchemaError) {
        if values["kind"]?.stringValue == "geld" {
            guard let amount = values["amount_cents"]?.intValue, amount > 0 else {
                throw .invalid(field: "amount_cents", reason: "een geldbehoefte noemt een bedrag groter dan nul")
            }
        }
    }

    private static func checkPartner(_ values: [String: JSONValue]) throws(SchemaError) {
        if let from = values["from"]?.stringValue, let to = values["to"]?.stringValue, to < from {
            throw .invalid(field: "to", reason: "de einddatum ligt voor de begindatum")
        }
    }
}
