import ArgumentParser
import MAEXCore
import MAEXNode

/// Adds a record to an initiative's collection from typed text (`--field NAME=VALUE` and the
/// command's own options), through `RegisterEditor`: one signed change set.
enum SubRecordInput {
    /// Parses `texts` with `kind`'s schema (empty texts are left out), adds the record to
    /// initiative `id` and prints its id as the last line.
    static func add(_ kind: SubRecordKind, to id: String, texts: [String: String], node: NodeOptions) throws {
        var values: [String: JSONValue] = [:]
        for (field, text) in texts.sorted(by: { $0.key < $1.key }) where !text.isEmpty {
            do { values[field] = try kind.schema.field(field).parse(text) } catch { throw AuthoringError.schema(error) }
        }
        let session = try NodeSession.openForWriting(node)
        let editor = RegisterEditor(store: session.store, author: session.author)
        let result = try editor.addSubRecord(kind, to: id.lowercased(), values)
        print("added \(kind.schema.type) to initiative \(result.initiative) (change set \(result.changeSet.id.hex.prefix(12))…)")
        print(result.created[kind]?.first ?? "")
    }

    /// `NAME=VALUE` items as a dictionary.
    static func fields(_ items: [String]) throws -> [String: String] {
        var texts: [String: String] = [:]
        for item in items {
            let parts = item.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard parts.count == 2 else { throw ValidationError("--field expects NAME=VALUE, got \"\(item)\"") }
            texts[String(parts[0])] = String(parts[1])
        }
        return texts
    }
}
