import Foundation

/// One field of a record schema.
public struct FieldSpec: Hashable, Sendable {
    /// The field name as written in change sets.
    public var name: String
    /// What values it takes.
    public var kind: FieldKind
    /// Whether a live record must have it.
    public var required: Bool
    /// A Dutch label for pages and forms.
    public var label: String
    /// Whether the field holds or may hold personal data (GDPR): a contact address, or free
    /// text that may name people. The privacy page lists these fields.
    public var personal: Bool

    /// Creates a field spec.
    public init(_ name: String, _ kind: FieldKind, required: Bool = false, label: String, personal: Bool = false) {
        self.name = name
        self.kind = kind
        self.required = required
        self.label = label
        self.personal = personal
    }

    /// Checks a value against the field.
    public func validate(_ value: JSONValue) throws(SchemaError) {
        switch (kind, value) {
        case (_, .null) where !required:
            return
        case (.text(let maxLength), .string(let text)):
            if required, text.trimmingCharacters(in: .whitespaces).isEmpty { throw .required(field: name) }
            guard text.count <= maxLength else { throw .invalid(field: name, reason: "hoogstens \(maxLength) tekens") }
        case (.integer(let range), .int(let number)):
            guard range.contains(number) else { throw .invalid(field: name, reason: "een getal van \(range.lowerBound) tot en met \(range.upperBound)") }
        case (.boolean, .bool):
            return
        case (.choice(let options), .string(let word)):
            guard options.contains(word) else { throw .invalid(field: name, reason: "kies uit: \(options.joined(separator: ", "))") }
        case (.integerSet(let range), .array(let items)):
            let numbers = items.compactMap(\.intValue)
            guard numbers.count == items.count, numbers.allSatisfy(range.contains), numbers == Array(Set(numbers)).sorted() else {
                throw .invalid(field: name, reason: "een oplopende lijst van verschillende getallen van \(range.lowerBound) tot en met \(range.upperBound)")
            }
        case (.wordSet(let pattern), .array(let items)):
            let words = items.compactMap(\.stringValue)
            guard words.count == items.count, words.allSatisfy(pattern.matches), words == Array(Set(words)).sorted(), words.count <= 50 else {
                throw .invalid(field: name, reason: "een lijst van verschillende waarden: \(pattern.explanation)")
            }
        case (.code(let pattern), .string(let text)):
            guard pattern.matches(text) else { throw .invalid(field: name, reason: "verwacht \(pattern.explanation)") }
        case (.date, .string(let text)):
            guard Self.isDate(text) else { throw .invalid(field: name, reason: "verwacht een datum als 2026-11-29") }
        default:
            throw .invalid(field: name, reason: "verkeerd soort waarde (\(value.kindName))")
        }
    }

    /// Parses the text a person typed (command line or form) into a value, then validates it.
    /// An empty text clears an optional field.
    public func parse(_ text: String) throws(SchemaError) -> JSONValue {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed.isEmpty {
            guard !required else { throw .required(field: name) }
            return .null
        }
        let value: JSONValue
        switch kind {
        case .text, .choice, .code, .date: value = .string(trimmed)
        case .integer:
            guard let number = Int64(trimmed) else { throw .invalid(field: name, reason: "verwacht een geheel getal") }
            value = .int(number)
        case .boolean:
            switch trimmed.lowercased() {
            case "ja", "true", "yes", "1": value = .bool(true)
            case "nee", "false", "no", "0": value = .bool(false)
            default: throw .invalid(field: name, reason: "verwacht ja of nee")
            }
        case .integerSet:
            let parts = Self.listItems(trimmed)
            let numbers = parts.compactMap { Int64($0) }
            guard numbers.count == parts.count else { throw .invalid(field: name, reason: "verwacht getallen gescheiden door komma's, zoals 3,11") }
            value = .array(Array(Set(numbers)).sorted().map(JSONValue.int))
        case .wordSet:
            value = .array(Array(Set(Self.listItems(trimmed))).sorted().map(JSONValue.string))
        }
        try validate(value)
        return value
    }

    private static func listItems(_ text: String) -> [String] {
        text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    private static func isDate(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2])
        else { return false }
        return (1800...2200).contains(year) && (1...12).contains(month) && (1...31).contains(day)
    }
}
