import ArgumentParser
import MAEXStore
import MAEXCore
import MAEXNode

/// `maex-node initiative show`: shows one initiative with its conflicts.
struct InitiativeShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Show an initiative: every field, and the conflicts among its values.",
        discussion: """
            Example:
              maex-node initiative show 0f8b1c2e-3d4a-4b5c-8d6e-7f8091a2b3c4
              maex-node initiative show 0f8b1c2e-3d4a-4b5c-8d6e-7f8091a2b3c4 --json
            """
    )

    @OptionGroup var node: NodeOptions

    @Argument(help: "The initiative's id.")
    var id: String

    @Flag(help: "Print the record as JSON {type, id, fields, conflicts[, deleted]}.")
    var json = false

    func run() throws {
        let key = try InitiativeInput.key(id)
        guard let state = try NodeSession.open(node).store.record(key) else { throw AuthoringError.unknownRecord(key) }
        let conflicts = Conflict.all(in: state, of: key)
        if json {
            var members = RecordOutput.json(key, state)
            members["conflicts"] = .array(conflicts.map { .object(RecordOutput.json($0)) })
            JSONOutput.print(members)
            return
        }
        RecordOutput.lines(key, state).forEach { print($0) }
        for conflict in conflicts { print("conflict: " + RecordOutput.line(conflict)) }
    }
}
