import MAEXCore

/// The Mustache contexts of the registration questionnaire and the edit form. Pure.
enum FormPage {
    /// The registration questionnaire with `form`'s values and `problems` next to their fields.
    static func registration(_ form: FormData, problems: [FieldProblem], municipalities: [Municipality]) -> [String: Any] {
        let messages = messages(problems)
        return [
            "profile": profileFields(municipalities).map { $0.context(form, problems: messages) },
            "sdgs": sdgs(form), "sdgError": messages["sdgs"] ?? "", "hasSdgError": messages["sdgs"] != nil,
            "consent": form.isChecked("publication_consent"),
            "activities": rows(RegistrationForm.activityRows, prefix: "contributions", fields: activityFields, form, messages),
            "needs": rows(RegistrationForm.needRows, prefix: "needs", fields: needFields, form, messages),
            "offers": rows(RegistrationForm.offerRows, prefix: "offers", fields: offerFields, form, messages),
            "hasErrors": !problems.isEmpty, "errors": summary(problems),
        ]
    }

    /// The edit form of an existing profile.
    static func edit(
        id: String, name: String, _ form: FormData, problems: [FieldProblem], municipalities: [Municipality], lastVerified: String?,
        stale: Bool
    ) -> [String: Any] {
        let messages = messages(problems)
        return PageModels.context([
            "id": id, "name": name, "profile": profileFields(municipalities).map { $0.context(form, problems: messages) },
            "sdgs": sdgs(form), "sdgError": messages["sdgs"] ?? "", "hasSdgError": messages["sdgs"] != nil,
            "consent": form.isChecked("publication_consent"), "lastVerified": lastVerified.map(PageFormat.date) ?? "nooit",
            "stale": stale, "hasErrors": !problems.isEmpty, "errors": summary(problems),
            "activities": editRows(.contributions, title: "Activiteit", fields: activityFields, form, messages),
            "needs": editRows(.needs, title: "Hulpvraag", fields: needFields + [needStatusField], form, messages),
            "offers": editRows(.offers, title: "Aanbod", fields: offerFields, form, messages),
            "partners": editRows(.partners, title: "Partner", fields: partnerFields, form, messages),
        ])
    }

    /// The rows of a collection in the edit form: the stored records (those with a
    /// `kind[i].id` in `form`, with a delete checkbox), then empty rows for new ones.
    private static func editRows(
        _ kind: SubRecordKind, title: String, fields: [FormField], _ form: FormData, _ messages: [String: String]
    ) -> [[String: Any]] {
        let stored = EditForm.rowNumbers(kind, in: form).filter { !form["\(kind.rawValue)[\($0)].id"].isEmpty }
        let first = (stored.last ?? -1) + 1
        let fresh = Array(first..<(first + (EditForm.newRows[kind] ?? 1)))
        return (stored + fresh).enumerated().map { position, row in
            let prefix = "\(kind.rawValue)[\(row)]."
            let named = fields.map { field -> FormField in
                var copy = field
                copy.name = prefix + field.name
                return copy
            }
            let existing = position < stored.count
            var context: [String: Any] = [
                "title": existing ? "\(title) \(position + 1)" : "Nieuw: \(title.lowercased())",
                "fields": named.map { $0.context(form, problems: messages) }, "existing": existing,
                "idName": prefix + "id", "recordID": form[prefix + "id"], "deleteName": prefix + "delete",
                "deleteChecked": form.isChecked(prefix + "delete"),
                "deleteID": "f-" + (prefix + "delete").map { $0.isLetter || $0.isNumber ? String($0) : "-" }.joined(),
                "rowID": "r-\(kind.rawValue)-\(row)",
            ]
            if let error = messages[prefix + "id"] { context["rowError"] = error }
            return context
        }
    }

    /// The profile fields; the municipality is chosen from `municipalities`.
    static func profileFields(_ municipalities: [Municipality]) -> [FormField] {
        let hints = [
            "name": "De naam waaronder het initiatief bekend is.",
            "themes": "Trefwoorden gescheiden door komma's, kleine letters, zoals: afval, repareren",
            "kvk": "Acht cijfers; laat leeg als u niet ingeschreven bent.",
            "website": "Begint met https://",
        ]
        return RegistrationForm.profileFields.compactMap { name in
            guard let spec = try? RecordSchema.initiative.field(name) else { return nil }
            var field = FormField.schema(spec, hint: hints[name])
            if name == "description" { field.control = .textarea }
            if name == "municipality" {
                field.control = .select
                field.options = municipalities.map { ($0.code, $0.name) }
            }
            if name == "phase" { field.options = field.options.map { ($0.value, PageFormat.phase($0.value) ?? $0.label) } }
            return field
        }
    }

    static let activityFields: [FormField] = [
        FormField(
            name: "activity", label: "Activiteit", control: .select,
            options: ValuationCatalogue.current.entries.map { ($0.activity, "\($0.indicator) (per \($0.unit), SDG \($0.goal))") }),
        FormField(name: "quantity", label: "Aantal", control: .number),
        FormField(name: "year", label: "Jaar", control: .number, hint: "Bijvoorbeeld 2025"),
        FormField(
            name: "kind", label: "Soort", control: .select, options: [ContributionKind.realised, .forecast].map { ($0.rawValue, $0.label) }),
    ]

    static let needFields: [FormField] = [
        FormField(name: "kind", label: "Wat zoekt u?", control: .select, options: RecordSchema.needKinds.map { ($0, PageFormat.needKind($0)) }),
        FormField(name: "description", label: "Omschrijving", control: .text, maxLength: 2000),
        FormField(name: "amount_euros", label: "Bedrag in euro", control: .text, hint: "Alleen bij een geldvraag"),
        FormField(name: "hours", label: "Uren", control: .number),
    ]

    static let offerFields: [FormField] = [
        FormField(name: "kind", label: "Soort", control: .select, options: RecordSchema.offerKinds.map { ($0, PageFormat.offerKind($0)) }),
        FormField(name: "name", label: "Naam", control: .text, maxLength: 200),
        FormField(name: "description", label: "Omschrijving", control: .text, maxLength: 2000),
        FormField(name: "price", label: "Prijsinformatie", control: .text, maxLength: 200),
        FormField(name: "social_return", label: "Telt mee voor social return", control: .checkbox),
    ]

    static let needStatusField = FormField(
        name: "status", label: "Status", control: .select, hint: "Leeg bij een nieuwe hulpvraag: open",
        options: NeedStatus.allCases.map { ($0.rawValue, $0.label) })

    static let partnerFields: [FormField] = [
        FormField(name: "organisation", label: "Organisatie", control: .text, maxLength: 200),
        FormField(name: "role", label: "Rol", control: .select, options: RecordSchema.partnerRoles.map { ($0, $0.prefix(1).uppercased() + $0.dropFirst()) }),
    ]

    /// Numbered rows of a collection's fields, named `prefix[row].field`.
    private static func rows(
        _ count: Int, prefix: String, fields: [FormField], _ form: FormData, _ messages: [String: String]
    ) -> [[String: Any]] {
        (0..<count).map { row in
            let named = fields.map { field -> FormField in
                var copy = field
                copy.name = "\(prefix)[\(row)].\(field.name)"
                return copy
            }
            return ["number": row + 1, "fields": named.map { $0.context(form, problems: messages) }]
        }
    }

    /// The 17 SDG checkboxes in their colours.
    private static func sdgs(_ form: FormData) -> [[String: Any]] {
        let chosen = Set(form.all("sdgs"))
        return SDG.all.map { sdg in
            [
                "number": sdg.number, "name": sdg.name, "colour": sdg.colour, "textColour": PageFormat.textColour(on: sdg.colour),
                "checked": chosen.contains("\(sdg.number)"),
            ]
        }
    }

    /// The first message per form field.
    static func messages(_ problems: [FieldProblem]) -> [String: String] {
        Dictionary(problems.map { ($0.field, $0.message) }, uniquingKeysWith: { first, _ in first })
    }

    /// The error summary at the top, linking to each field.
    private static func summary(_ problems: [FieldProblem]) -> [[String: Any]] {
        problems.enumerated().sorted { (order($0.element.field), $0.offset) < (order($1.element.field), $1.offset) }.map(\.element).map { problem in
            let id = "f-" + problem.field.map { $0.isLetter || $0.isNumber ? String($0) : "-" }.joined()
            return ["anchor": id, "field": label(problem.field), "message": problem.message]
        }
    }

    /// Whether `name` is a field of a row of the forms (`quantity`, not `total_cents`).
    static func isFormField(_ name: String) -> Bool {
        (activityFields + needFields + offerFields + partnerFields + [needStatusField]).contains { $0.name == name }
    }

    /// Where a form field stands in the form, so the summary lists problems top to bottom.
    static func order(_ field: String) -> Int {
        let groups = ["contributions": 1, "needs": 2, "offers": 3, "partners": 4]
        if let open = field.firstIndex(of: "["), let close = field.firstIndex(of: "]"), let row = Int(field[field.index(after: open)..<close]) {
            let name = String(field[field.index(after: close)...].drop { $0 == "." })
            let fields = (activityFields + needFields + offerFields + partnerFields + [needStatusField]).map(\.name)
            return 1_000 * (groups[String(field[..<open])] ?? 5) + 20 * min(row, 40) + (fields.firstIndex(of: name) ?? 19)
        }
        if field == "sdgs" { return 100 }
        if field == "publication_consent" { return 101 }
        return RegistrationForm.profileFields.firstIndex(of: field) ?? 102
    }

    /// A readable name of a form field (`Activiteit 2: Aantal`).
    static func label(_ field: String) -> String {
        let groups = ["contributions": "Activiteit", "needs": "Hulpvraag", "offers": "Aanbod", "partners": "Partner"]
        if let open = field.firstIndex(of: "["), let close = field.firstIndex(of: "]"), let row = Int(field[field.index(after: open)..<close]) {
            let group = groups[String(field[..<open])] ?? String(field[..<open])
            let name = String(field[field.index(after: close)...].drop { $0 == "." })
            let all = activityFields + needFields + offerFields + partnerFields + [needStatusField]
            let fieldLabel = name == "id" ? "regel" : all.first { $0.name == name }?.label ?? name
            return "\(group) \(row + 1): \(fieldLabel)"
        }
        if field == "sdgs" { return "SDG's" }
        return (try? RecordSchema.initiative.field(field).label) ?? field
    }
}
