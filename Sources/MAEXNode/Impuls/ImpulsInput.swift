import Foundation
import MAEXCore

/// Typed text (command line, form) to the values of an Impuls record. Pure.
public enum ImpulsInput {
    /// Parses `texts` (field name to text; an empty text is left out) with `schema`'s fields.
    public static func values(_ schema: RecordSchema, _ texts: [String: String]) throws(ImpulsError) -> [String: JSONValue] {
        var values: [String: JSONValue] = [:]
        for (name, text) in texts.sorted(by: { $0.key < $1.key }) where !text.isEmpty {
            do { values[name] = try schema.field(name).parse(text) } catch { throw .invalid(error) }
        }
        return values
    }

    /// Parses an amount in euro cents.
    public static func cents(_ text: String, field: String = "amount_cents") throws(ImpulsError) -> Int64 {
        guard let cents = Int64(text.trimmingCharacters(in: .whitespaces)), cents > 0 else {
            throw .invalid(.invalid(field: field, reason: "verwacht een bedrag in eurocent groter dan nul"))
        }
        return cents
    }

    /// Checks a `YYYY-MM-DD` date.
    public static func date(_ text: String, field: String = "date") throws(ImpulsError) -> String {
        guard DayNumber.of(text) != nil else { throw .invalid(.invalid(field: field, reason: "verwacht een datum als 2026-11-29")) }
        return text
    }
}
