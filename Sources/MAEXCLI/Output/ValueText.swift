import MAEXCore

/// How values read for people: text as is, numbers in decimal, lists joined by commas.
enum ValueText {
    /// The text of a value.
    static func text(_ value: JSONValue) -> String {
        switch value {
        case .null: ""
        case .bool(let flag): flag ? "yes" : "no"
        case .int(let number): String(number)
        case .string(let text): text
        case .array(let items): items.map(text).joined(separator: ", ")
        case .object: value.canonicalString
        }
    }

    /// The text of a value quoted, for conflicts where the difference matters.
    static func quoted(_ value: JSONValue) -> String {
        switch value {
        case .string: value.canonicalString
        default: text(value)
        }
    }

    /// Who wrote a value: `author #seq`.
    static func origin(_ write: FieldWrite) -> String { "\(write.ref.author.hex) #\(write.ref.seq)" }
}
