import Foundation

extension RecordValidator {
    /// The cross-field rules of the MAEX Impuls record types (see `RecordSchema.impulsTypes`).
    static func checkImpuls(type: String, _ values: [String: JSONValue]) throws(SchemaError) {
        guard RecordSchema.impulsTypes.contains(where: { $0.type == type }) else { return }
        for field in ["initiative", "application"] {
            if let id = values[field]?.stringValue, !EnvelopeRules.isValidRecordID(id) {
                throw .invalid(field: field, reason: "verwacht een id (een UUID in kleine letters)")
            }
        }
        switch type {
        case RecordSchema.fund.type: try checkFund(values)
        case RecordSchema.decision.type: try checkDecision(values)
        case RecordSchema.report.type: try checkReport(values)
        default: return
        }
    }

    private static func checkFund(_ values: [String: JSONValue]) throws(SchemaError) {
        if let low = values["amount_min_cents"]?.intValue, let high = values["amount_max_cents"]?.intValue, high < low {
            throw .invalid(field: "amount_max_cents", reason: "het maximumbedrag is lager dan het minimumbedrag")
        }
        if let opens = values["opens"]?.stringValue, let closes = values["closes"]?.stringValue, closes < opens {
            throw .invalid(field: "closes", reason: "de sluitingsdatum ligt voor de openingsdatum")
        }
    }

    private static func checkDecision(_ values: [String: JSONValue]) throws(SchemaError) {
        switch values["outcome"]?.stringValue {
        case "toegekend":
            guard let amount = values["amount_cents"]?.intValue, amount > 0 else {
                throw .invalid(field: "amount_cents", reason: "een toekenning noemt een bedrag groter dan nul")
            }
        case "afgewezen", "meer-info":
            guard let reason = values["reason"]?.stringValue, !reason.trimmingCharacters(in: .whitespaces).isEmpty else {
                throw .invalid(field: "reason", reason: "een afwijzing of vraag om meer informatie noemt een reden")
            }
        default: return
        }
    }

    private static func checkReport(_ values: [String: JSONValue]) throws(SchemaError) {
        let summary = values["summary"]?.stringValue ?? ""
        let link = values["link"]?.stringValue ?? ""
        guard !summary.isEmpty || !link.isEmpty else {
            throw .invalid(field: "summary", reason: "een verantwoording heeft een samenvatting of een link")
        }
    }
}
