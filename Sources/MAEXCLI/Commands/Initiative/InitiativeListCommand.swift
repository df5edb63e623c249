import ArgumentParser
import MAEXStore
import MAEXCore

/// `maex-node initiative list`: lists live initiatives.
struct InitiativeListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List the initiatives (not the deleted ones): id, municipality and name.",
        discussion: """
            Example:
              maex-node initiative list --municipality GM0718
              maex-node initiative list --json
            """
    )

    @OptionGroup var node: NodeOptions

    @Option(help: ArgumentHelp("Only this municipality, e.g. GM0718.", valueName: "code"))
    var municipality: String?

    @Flag(help: "Print a JSON array of records {type, id, fields}.")
    var json = false

    func run() throws {
        let store = try NodeSession.open(node).store
        let records = try store.records(type: RecordSchema.initiative.type, municipality: municipality)
            .filter { !$0.state.isDeleted }
        if json {
            JSONOutput.print(records.map { RecordOutput.json($0.key, $0.state) })
            return
        }
        if records.isEmpty { print("no initiatives") }
        for record in records {
            let municipality = ValueText.text(record.state.value(of: "municipality") ?? .null)
            print("\(record.key.id)  \(municipality)  \(ValueText.text(record.state.value(of: "name") ?? .null))")
        }
    }
}
