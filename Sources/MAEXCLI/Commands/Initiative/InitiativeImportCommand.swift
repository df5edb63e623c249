import ArgumentParser
import Foundation
import MAEXCore
import MAEXNode
import MAEXWire

/// `maex-node initiative import`: adds initiatives from JSON, shaped as the body of
/// `POST /v1/initiatives` (one object, or an array of them).
struct InitiativeImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Add initiatives with their contributions, needs, offers and partners from a JSON file.",
        discussion: """
            Each initiative becomes one signed change set. The file holds one object or an array of \
            objects shaped as the body of POST /v1/initiatives. Every object is checked before any \
            is stored; prints one new id per line.

            Example file:
              [{"name": "Repair Café Goes", "municipality": "GM0664", "sdgs": [12],
                "contributions": [{"activity": "repair-item", "quantity": 200, "year": 2025}]}]
            """
    )

    @OptionGroup var node: NodeOptions
    @Argument(help: "The JSON file (- for standard input).") var file: String

    func run() throws {
        let data = file == "-" ? FileHandle.standardInput.readDataToEndOfFile() : try Data(contentsOf: URL(fileURLWithPath: file))
        let root: JSONValue
        do { root = try JSONDecoder().decode(WireJSON.self, from: data).value } catch {
            throw ValidationError("\(file) is not JSON without floating point: \(error)")
        }
        let items = root.arrayValue ?? [root]
        let session = try NodeSession.openForWriting(node)
        let editor = RegisterEditor(store: session.store, author: session.author)
        var drafts: [([String: JSONValue], [SubRecordKind: [[String: JSONValue]]])] = []
        for (index, item) in items.enumerated() {
            guard var fields = item.objectValue else { throw ValidationError("item \(index) is not an object") }
            var children: [SubRecordKind: [[String: JSONValue]]] = [:]
            for kind in SubRecordKind.allCases {
                guard let list = fields.removeValue(forKey: kind.rawValue) else { continue }
                guard let objects = list.arrayValue?.compactMap(\.objectValue), objects.count == list.arrayValue?.count else {
                    throw ValidationError("item \(index): \(kind.rawValue) must be an array of objects")
                }
                children[kind] = objects
            }
            let problems = editor.draftInitiative(fields, children: children).problems
            guard problems.isEmpty else { throw RegisterEditError.invalid(problems.map { FieldProblem(field: "[\(index)].\($0.field)", message: $0.message) }) }
            drafts.append((fields, children))
        }
        for (fields, children) in drafts {
            print(try editor.createInitiative(fields, children: children).initiative)
        }
    }
}
