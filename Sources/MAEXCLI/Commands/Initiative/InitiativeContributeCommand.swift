import ArgumentParser
import MAEXCore
import MAEXNode

/// `maex-node initiative contribute`: adds a handprint line valued with the catalogue.
struct InitiativeContributeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "contribute",
        abstract: "Add a contribution (a Social Handprint line) to an initiative. Prints the new id as the last line.",
        discussion: """
            The activity is a key of the valuation catalogue (\(ValuationCatalogue.current.entries.map(\.activity).joined(separator: ", "))); \
            the SDG, indicator, unit, value per unit and total are filled in from it.

            Example:
              maex-node initiative contribute 3f0c...e1 --activity repair-item --quantity 412 --year 2025
            """
    )

    @OptionGroup var node: NodeOptions
    @Argument(help: "The initiative's id.") var id: String
    @Option(help: "The catalogue activity, e.g. repair-item.") var activity: String
    @Option(help: "How many units.") var quantity: String
    @Option(help: "The year.") var year: String
    @Option(help: "gerealiseerd (default) or prognose.") var kind: String = "gerealiseerd"
    @Option(name: .customLong("field"), help: ArgumentHelp("Another field as NAME=VALUE.", valueName: "name=value"))
    var fields: [String] = []

    func run() throws {
        var texts = try SubRecordInput.fields(fields)
        texts.merge(["activity": activity, "quantity": quantity, "year": year, "kind": kind]) { _, new in new }
        try SubRecordInput.add(.contributions, to: id, texts: texts, node: node)
    }
}
