import Foundation
import MAEXCore

/// The JSON and text forms of records and conflicts. JSON is canonical (sorted keys, compact),
/// so it is stable between runs.
enum RecordOutput {
    /// A record: `{"type","id","fields":{...}}`, plus `"deleted"` for a tombstone. Cleared
    /// (null) fields are left out.
    static func json(_ key: RecordKey, _ state: RecordState) -> [String: JSONValue] {
        var fields: [String: JSONValue] = [:]
        for (name, field) in state.fields {
            if let value = field.winner?.value, value != .null { fields[name] = value }
        }
        var members: [String: JSONValue] = ["type": .string(key.type), "id": .string(key.id), "fields": .object(fields)]
        if let tombstone = state.tombstone { members["deleted"] = tombstone.jsonValue }
        return members
    }

    /// A conflict: the field, the shown write and the losing writes, each with author, sequence,
    /// clock and value.
    static func json(_ conflict: Conflict) -> [String: JSONValue] {
        [
            "type": .string(conflict.record.type), "id": .string(conflict.record.id), "field": .string(conflict.field),
            "winner": conflict.winner.jsonValue, "losers": .array(conflict.losers.map(\.jsonValue)),
        ]
    }

    /// The lines showing a record: its id, then one line per field in schema order.
    static func lines(_ key: RecordKey, _ state: RecordState) -> [String] {
        var lines = ["\(key.type) \(key.id)"]
        if let tombstone = state.tombstone {
            lines.append("deleted by \(tombstone.ref.author.hex) #\(tombstone.ref.seq)")
            return lines
        }
        let known = (try? RecordSchema.named(key.type))?.fields.map(\.name) ?? []
        let names = known.filter { state.fields[$0] != nil } + state.fields.keys.filter { !known.contains($0) }.sorted()
        let width = (names.map(\.count).max() ?? 0) + 2
        for name in names {
            guard let value = state.value(of: name), value != .null else { continue }
            lines.append(name.padding(toLength: width, withPad: " ", startingAt: 0) + ValueText.text(value))
        }
        return lines
    }

    /// One line describing a conflict.
    static func line(_ conflict: Conflict) -> String {
        let others = conflict.losers.map { "\(ValueText.quoted($0.value)) by \(ValueText.origin($0))" }.joined(separator: "; ")
        return "\(conflict.record.type) \(conflict.record.id) \(conflict.field): shown \(ValueText.quoted(conflict.winner.value)) "
            + "by \(ValueText.origin(conflict.winner)); also \(others)"
    }
}
