import MAEXCore

/// The field names, short.
private typealias Field = RecordSchema.Field

/// Completes a contribution from the valuation catalogue: a caller names the activity, the
/// quantity, the year and the kind; the node fills in the SDG, target, indicator, unit, value
/// per unit, method version and total. Values the caller gives are kept (and then checked). Pure.
enum ContributionDraft {
    /// `values` completed from `catalogue`'s entry for its `activity`, when there is one.
    static func complete(_ values: [String: JSONValue], catalogue: ValuationCatalogue = .current) -> [String: JSONValue] {
        var result = values
        if let activity = values[Field.activity]?.stringValue, let entry = catalogue.entry(activity: activity) {
            result[Field.goal] = result[Field.goal] ?? .int(Int64(entry.goal))
            if let target = entry.target, result[Field.target] == nil { result[Field.target] = .string(target) }
            result[Field.indicator] = result[Field.indicator] ?? .string(entry.indicator)
            result[Field.unit] = result[Field.unit] ?? .string(entry.unit)
            result[Field.valuePerUnitCents] = result[Field.valuePerUnitCents] ?? .int(entry.centsPerUnit)
            result[Field.methodVersion] = result[Field.methodVersion] ?? .string(catalogue.version)
        }
        result[Field.kind] = result[Field.kind] ?? .string(ContributionKind.realised.rawValue)
        if result[Field.totalCents] == nil,
            let total = RecordValidator.total(
                quantity: result[Field.quantity]?.intValue, centsPerUnit: result[Field.valuePerUnitCents]?.intValue)
        {
            result[Field.totalCents] = .int(total)
        }
        return result
    }

    /// A problem when `activity` is neither in the catalogue nor accompanied by the values the
    /// catalogue would give.
    static func activityProblem(_ values: [String: JSONValue], prefix: String, catalogue: ValuationCatalogue = .current) -> FieldProblem? {
        guard let activity = values[Field.activity]?.stringValue, catalogue.entry(activity: activity) == nil else { return nil }
        let given = [Field.goal, Field.valuePerUnitCents, Field.unit, Field.indicator].map { values[$0] }
        guard given.contains(where: { $0 == nil }) else { return nil }
        let known = catalogue.entries.map(\.activity).joined(separator: ", ")
        return FieldProblem(field: prefix + Field.activity, message: "onbekende activiteit \"\(activity.prefix(40))\"; kies uit: \(known)")
    }
}
