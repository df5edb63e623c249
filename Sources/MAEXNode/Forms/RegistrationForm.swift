import Foundation
import MAEXCore

/// The registration questionnaire (`/aanmelden`) and the profile part of the edit form: which
/// fields it has, how typed text becomes record values, and how problems map back to fields.
/// Pure.
enum RegistrationForm {
    /// Rows offered per collection.
    static let activityRows = 3
    static let needRows = 2
    static let offerRows = 2

    /// The profile fields typed as text, in form order.
    static let profileFields = [
        "name", "alternate_name", "description", "municipality", "legal_form", "kvk", "year_founded", "website", "email",
        "address", "phase", "themes", "volunteers", "people_reached",
    ]

    /// What a submitted form means: values for `RegisterEditor.createInitiative`, problems
    /// found while reading typed text, and the form prefix of each editor path prefix.
    struct Reading {
        var fields: [String: JSONValue] = [:]
        var children: [SubRecordKind: [[String: JSONValue]]] = [:]
        var problems: [FieldProblem] = []
        var prefixes: [String: String] = [:]

        /// The form field an editor problem is about.
        func formField(_ path: String) -> String {
            var name = path
            for (editor, form) in prefixes where path.hasPrefix(editor) { name = form + path.dropFirst(editor.count) }
            return name.hasSuffix(".amount_cents") ? String(name.dropLast("amount_cents".count)) + "amount_euros" : name
        }
    }

    /// Reads the profile part of `form`: every profile field, SDGs and consent.
    static func readProfile(_ form: FormData, into reading: inout Reading, keepEmpty: Bool) {
        for name in profileFields {
            guard let spec = try? RecordSchema.initiative.field(name) else { continue }
            read(spec, form[name], problemName: name, into: &reading.fields, problems: &reading.problems, keepEmpty: keepEmpty)
        }
        let sdgs = form.all("sdgs").compactMap { Int64($0) }
        if form.all("sdgs").count != sdgs.count {
            reading.problems.append(FieldProblem(field: "sdgs", message: "kies SDG's uit de lijst"))
        }
        if !sdgs.isEmpty || keepEmpty { reading.fields["sdgs"] = .array(Array(Set(sdgs)).sorted().map(JSONValue.int)) }
        reading.fields["publication_consent"] = .bool(form.isChecked("publication_consent"))
    }

    /// Reads a whole registration.
    static func read(_ form: FormData) -> Reading {
        var reading = Reading()
        readProfile(form, into: &reading, keepEmpty: false)
        readRows(form, .contributions, rows: activityRows, fields: ["activity", "quantity", "year", "kind"], into: &reading)
        readRows(form, .needs, rows: needRows, fields: ["kind", "description", "hours"], into: &reading)
        readRows(form, .offers, rows: offerRows, fields: ["kind", "name", "description", "price"], into: &reading)
        return reading
    }

    /// Reads the filled rows of a collection; a row whose fields are all empty is left out.
    private static func readRows(_ form: FormData, _ kind: SubRecordKind, rows: Int, fields: [String], into reading: inout Reading) {
        for row in 0..<rows {
            let prefix = "\(kind.rawValue)[\(row)]."
            let euros = kind == .needs ? form[prefix + "amount_euros"] : ""
            let ticked = kind == .offers && form.isChecked(prefix + "social_return")
            guard fields.contains(where: { !form[prefix + $0].isEmpty }) || !euros.isEmpty || ticked else { continue }
            var values: [String: JSONValue] = [:]
            for name in fields {
                guard let spec = try? kind.schema.field(name) else { continue }
                read(spec, form[prefix + name], problemName: prefix + name, into: &values, problems: &reading.problems, keepEmpty: false)
            }
            if kind == .needs, !euros.isEmpty {
                if let cents = PageFormat.cents(fromEuros: euros) {
                    values["amount_cents"] = .int(cents)
                } else {
                    reading.problems.append(FieldProblem(field: prefix + "amount_euros", message: "verwacht een bedrag in euro, zoals 1500 of 1.500,50"))
                }
            }
            if kind == .offers { values["social_return"] = .bool(ticked) }
            let index = reading.children[kind]?.count ?? 0
            reading.prefixes["\(kind.rawValue)[\(index)]."] = prefix
            reading.children[kind, default: []].append(values)
        }
    }

    /// Parses one typed value into `values[spec.name]`; problems are recorded under
    /// `problemName` (the form field).
    private static func read(
        _ spec: FieldSpec, _ text: String, problemName: String, into values: inout [String: JSONValue], problems: inout [FieldProblem],
        keepEmpty: Bool
    ) {
        if text.isEmpty {
            if keepEmpty { values[spec.name] = .null }
            return
        }
        do {
            values[spec.name] = try spec.parse(text)
        } catch {
            problems.append(FieldProblem(field: problemName, message: FieldProblem(error).message))
        }
    }
}
