import MAEXCore

/// Completes a contribution from the valuation catalogue: a caller names the activity, the
/// quantity, the year and the kind; the node fills in the SDG, target, indicator, unit, value
/// per unit, method version and total. Values the caller gives are kept (and then checked). Pure.
enum ContributionDraft {
    /// `values` completed from `catalogue`'s entry for its `activity`, when there is one.
    static func complete(_ values: [String: JSONValue], catalogue: ValuationCatalogue = .current) -> [String: JSONValue] {
        var result = values
        if let activity = values[RecordSchema.Field.activity]?.stringValue, let entry = catalogue.entry(activity: activity) {
            result["goal"] = result["goal"] ?? .int(Int64(entry.goal))
            if let target = entry.target, result["target"] == nil { result["target"] = .string(target) }
            result["indicator"] = result["indicator"] ?? .string(entry.indicator)
            result["unit"] = result["unit"] ?? .string(entry.unit)
            result[RecordSchema.Field.valuePerUnitCents] = result[RecordSchema.Field.valuePerUnitCents] ?? .int(entry.centsPerUnit)
            result["method_version"] = result["method_version"] ?? .string(catalogue.version)
        }
        result[RecordSchema.Field.kind] = result[RecordSchema.Field.kind] ?? .string(ContributionKind.realised.rawValue)
        if result[RecordSchema.Field.totalCents] == nil,
            let total = RecordValidator.total(quantity: result[RecordSchema.Field.quantity]?.intValue, centsPerUnit: result[RecordSchema.Field.valuePerUnitCents]?.intValue)
        {
            result[RecordSchema.Field.totalCents] = .int(total)
        }
        return result
    }

    /// A problem when `activity` is neither in the catalogue nor accompanied by the values the
    /// catalogue would give.
    static func activityProblem(_ values: [String: JSONValue], prefix: String, catalogue: ValuationCatalogue = .current) -> FieldProblem? {
        guard let activity = values[RecordSchema.Field.activity]?.stringValue, catalogue.entry(activity: activity) == nil else { return nil }
        guard values["goal"] == nil || values[RecordSchema.Field.valuePerUnitCents] == nil || values["unit"] == nil || values["indicator"] == nil else {
            return nil
        }
        let known = catalogue.entries.map(\.activity).joined(separator: ", ")
        return FieldProblem(field: prefix + RecordSchema.Field.activity, message: "onbekende activiteit \"\(activity.prefix(40))\"; kies uit: \(known)")
    }
}
