import MAEXCore
import MAEXNode

/// Turns typed text into field values with the initiative schema.
enum InitiativeInput {
    /// Parses each `field: text` with its `FieldSpec`; unknown fields and invalid text are
    /// `AuthoringError.schema`. Empty optional fields are left out.
    static func values(_ texts: [String: String]) throws(AuthoringError) -> [String: JSONValue] {
        var values: [String: JSONValue] = [:]
        for (field, text) in texts.sorted(by: { $0.key < $1.key }) {
            do {
                let value = try RecordSchema.initiative.field(field).parse(text)
                if value != .null { values[field] = value }
            } catch {
                throw .schema(error)
            }
        }
        return values
    }

    /// The key of the initiative with `id` (accepted in either case).
    static func key(_ id: String) throws(AuthoringError) -> RecordKey {
        try LocalAuthor.initiativeKey(id.lowercased())
    }
}
