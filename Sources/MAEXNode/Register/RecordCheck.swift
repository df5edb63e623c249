import MAEXCore

/// The field names, short.
private typealias Field = RecordSchema.Field

/// Checks record values against a schema and collects every problem (not only the first), so
/// a form can mark all fields at once. Pure.
enum RecordCheck {
    /// The problems of a new record of `schema` with `values`; `prefix` goes before field
    /// names. Unknown fields, invalid values, missing required fields, then the cross-field
    /// rules (`RecordValidator`) when all fields are fine.
    static func problemsOfNew(_ schema: RecordSchema, _ values: [String: JSONValue], prefix: String = "") -> [FieldProblem] {
        var problems = problemsOfFields(schema, values, prefix: prefix)
        for spec in schema.fields where spec.required {
            if values[spec.name] == nil || values[spec.name] == .null {
                problems.append(FieldProblem(field: prefix + spec.name, message: "verplicht veld ontbreekt"))
            }
        }
        if problems.isEmpty {
            do { try RecordValidator.checkRules(type: schema.type, values) } catch { problems.append(FieldProblem(error, prefix: prefix)) }
        }
        return problems
    }

    /// The problems of the fields given (an update): unknown fields, invalid values, and `null`
    /// for a required field.
    static func problemsOfFields(_ schema: RecordSchema, _ values: [String: JSONValue], prefix: String = "") -> [FieldProblem] {
        var problems: [FieldProblem] = []
        for (name, value) in values.sorted(by: { $0.key < $1.key }) {
            guard let spec = schema.fields.first(where: { $0.name == name }) else {
                problems.append(FieldProblem(field: prefix + name, message: "onbekend veld"))
                continue
            }
            if value == .null {
                if spec.required { problems.append(FieldProblem(field: prefix + name, message: "verplicht veld; kan niet leeg zijn")) }
                continue
            }
            if let special = specialProblem(spec, value) {
                problems.append(FieldProblem(field: prefix + name, message: special))
                continue
            }
            do { try spec.validate(value) } catch { problems.append(FieldProblem(error, prefix: prefix)) }
        }
        return problems
    }

    /// Clearer messages for SDG numbers.
    private static func specialProblem(_ spec: FieldSpec, _ value: JSONValue) -> String? {
        guard case .integerSet(let range) = spec.kind, spec.name == Field.sdgs, let items = value.arrayValue else { return nil }
        let unknown = items.compactMap(\.intValue).filter { !range.contains($0) }
        guard let first = unknown.first else { return nil }
        return "onbekende SDG \(first): de SDG's zijn genummerd 1 tot en met 17"
    }

    /// Sorts and de-duplicates list values (SDG numbers, themes), so callers need not send
    /// them in the stored order.
    static func normalised(_ schema: RecordSchema, _ values: [String: JSONValue]) -> [String: JSONValue] {
        var result = values
        for (name, value) in values {
            guard let spec = schema.fields.first(where: { $0.name == name }), let items = value.arrayValue else { continue }
            switch spec.kind {
            case .integerSet:
                let numbers = items.compactMap(\.intValue)
                if numbers.count == items.count { result[name] = .array(Array(Set(numbers)).sorted().map(JSONValue.int)) }
            case .wordSet:
                let words = items.compactMap(\.stringValue)
                if words.count == items.count { result[name] = .array(Array(Set(words)).sorted().map(JSONValue.string)) }
            default:
                continue
            }
        }
        return result
    }
}
