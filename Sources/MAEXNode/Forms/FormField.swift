import MAEXCore

/// One field of a form as the templates draw it: label, control, the value entered, and the
/// problem to show next to it. Pure.
struct FormField {
    enum Control { case text, email, url, number, date, textarea, select, checkbox }

    var name: String
    var label: String
    var control: Control
    var required = false
    var hint: String?
    var options: [(value: String, label: String)] = []
    var maxLength: Int?

    /// The Mustache context for this field with `form`'s value and `problems`' message.
    func context(_ form: FormData, problems: [String: String]) -> [String: Any] {
        let id = "f-" + name.map { $0.isLetter || $0.isNumber ? String($0) : "-" }.joined()
        let value = form[name]
        var context: [String: Any] = [
            "id": id, "name": name, "label": label, "value": value, "required": required,
            "isTextarea": control == .textarea, "isSelect": control == .select, "isCheckbox": control == .checkbox,
            "isInput": ![.textarea, .select, .checkbox].contains(control), "type": Self.type(control),
            "checked": form.isChecked(name),
            "options": options.map { ["value": $0.value, "label": $0.label, "selected": $0.value == value] },
        ]
        if let hint { context["hint"] = hint }
        if let maxLength { context["maxLength"] = maxLength }
        if let error = problems[name] { context["error"] = error }
        let described = [hint.map { _ in id + "-h" }, problems[name].map { _ in id + "-e" }].compactMap { $0 }
        if !described.isEmpty { context["describedBy"] = described.joined(separator: " ") }
        return context
    }

    /// A field for a schema field, labelled and limited as the schema says.
    static func schema(_ spec: FieldSpec, name: String? = nil, hint: String? = nil) -> FormField {
        var field = FormField(name: name ?? spec.name, label: spec.label, control: .text, required: spec.required, hint: hint)
        switch spec.kind {
        case .text(let maxLength):
            field.maxLength = maxLength
            field.control = maxLength > 300 ? .textarea : .text
        case .integer: field.control = .number
        case .boolean: field.control = .checkbox
        case .choice(let options):
            field.control = .select
            field.options = options.map { ($0, $0.prefix(1).uppercased() + $0.dropFirst()) }
        case .code(.email): field.control = .email
        case .code(.url): field.control = .url
        case .date: field.control = .date
        case .integerSet, .wordSet, .code: field.control = .text
        }
        return field
    }

    private static func type(_ control: Control) -> String {
        switch control {
        case .email: "email"
        case .url: "url"
        case .number: "number"
        case .date: "date"
        default: "text"
        }
    }
}
