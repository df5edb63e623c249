import ArgumentParser
import MAEXStore
import MAEXCore
import MAEXNode

/// `maex-node initiative add`: adds an initiative.
struct InitiativeAddCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Add an initiative. Prints the new id as the last line.",
        discussion: """
            Other fields can be given with --field NAME=VALUE (repeatable), typed as for \
            `initiative set`. A municipality node only adds initiatives of its own municipalities.

            Example:
              maex-node initiative add --name "Repair Café Vlissingen" --municipality GM0718 \\
                --description "Samen repareren" --sdg 11,12 --field volunteers=12
            """
    )

    @OptionGroup var node: NodeOptions

    @Option(help: "The initiative's name.")
    var name: String

    @Option(help: ArgumentHelp("The CBS municipality code, e.g. GM0718.", valueName: "code"))
    var municipality: String

    @Option(help: "A description.")
    var description: String?

    @Option(help: ArgumentHelp("Comma-separated SDG numbers (1 to 17), e.g. 3,11.", valueName: "numbers"))
    var sdg: String?

    @Option(name: .customLong("field"), help: ArgumentHelp("Another field as NAME=VALUE.", valueName: "name=value"))
    var fields: [String] = []

    @Flag(help: "Print the new record as JSON instead.")
    var json = false

    func validate() throws {
        for item in fields where !item.contains("=") {
            throw ValidationError("--field expects NAME=VALUE, got \"\(item)\"")
        }
    }

    func run() throws {
        var texts: [String: String] = ["name": name, "municipality": municipality]
        if let description { texts["description"] = description }
        if let sdg { texts["sdgs"] = sdg }
        for item in fields {
            let parts = item.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            texts[String(parts[0])] = parts.count > 1 ? String(parts[1]) : ""
        }
        let values = try InitiativeInput.values(texts)
        let session = try NodeSession.openForWriting(node)
        let result = try session.editor.createInitiative(values)
        let key = RecordKey(type: RecordSchema.initiative.type, id: result.initiative)
        if json {
            guard let state = try session.store.record(key) else { throw AuthoringError.unknownRecord(key) }
            JSONOutput.print(RecordOutput.json(key, state))
            return
        }
        print("added initiative \(ValueText.quoted(values[RecordSchema.Field.name] ?? .null)) in \(municipality)")
        print(key.id)
    }
}
