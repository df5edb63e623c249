import ArgumentParser
import MAEXCore
import MAEXNode

/// `maex-node initiative offer`: adds a product or service.
struct InitiativeOfferCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "offer",
        abstract: "Add an offer (product or service) to an initiative. Prints the new id as the last line.",
        discussion: """
            Example:
              maex-node initiative offer 3f0c...e1 --kind dienst --name "Reparatieworkshop" --social-return
            """
    )

    @OptionGroup var node: NodeOptions
    @Argument(help: "The initiative's id.") var id: String
    @Option(help: "product or dienst.") var kind: String
    @Option(help: "The offer's name.") var name: String
    @Flag(help: "It counts for social return in public procurement.") var socialReturn = false
    @Option(name: .customLong("field"), help: ArgumentHelp("Another field as NAME=VALUE.", valueName: "name=value"))
    var fields: [String] = []

    func run() throws {
        var texts = try SubRecordInput.fields(fields)
        texts.merge(["kind": kind, "name": name, "social_return": socialReturn ? "ja" : "nee"]) { _, new in new }
        try SubRecordInput.add(.offers, to: id, texts: texts, node: node)
    }
}
