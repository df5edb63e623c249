import ArgumentParser
import MAEXStore

/// `maex-node conflicts`: lists fields with concurrent values.
struct ConflictsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "conflicts",
        abstract: "List fields written concurrently: the value shown and the values that lost, with their authors.",
        discussion: """
            A conflict is resolved by setting the field again (initiative set), which supersedes \
            all values shown here.

            Example:
              maex-node conflicts --data ./vlissingen
              maex-node conflicts --data ./vlissingen --json
            """
    )

    @OptionGroup var node: NodeOptions

    @Flag(help: "Print a JSON array of {type, id, field, winner, losers}; writes carry by, seq, hlc and value.")
    var json = false

    func run() throws {
        let conflicts = try NodeSession.open(node).store.conflicts()
        if json {
            JSONOutput.print(conflicts.map(RecordOutput.json))
            return
        }
        if conflicts.isEmpty { print("no conflicts") }
        for conflict in conflicts { print(RecordOutput.line(conflict)) }
    }
}
