import ArgumentParser
import MAEXCore
import MAEXNode

/// `maex-node initiative partner`: adds a partner relation.
struct InitiativePartnerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "partner",
        abstract: "Add a partner relation to an initiative. Prints the new id as the last line.",
        discussion: """
            Roles: \(RecordSchema.partnerRoles.joined(separator: ", ")).

            Example:
              maex-node initiative partner 3f0c...e1 --organisation "Gemeente Vlissingen" --role mogelijkmaker
            """
    )

    @OptionGroup var node: NodeOptions
    @Argument(help: "The initiative's id.") var id: String
    @Option(help: "The organisation.") var organisation: String
    @Option(help: "Its role.") var role: String
    @Option(name: .customLong("field"), help: ArgumentHelp("Another field as NAME=VALUE.", valueName: "name=value"))
    var fields: [String] = []

    func run() throws {
        var texts = try SubRecordInput.fields(fields)
        texts.merge(["organisation": organisation, "role": role]) { _, new in new }
        try SubRecordInput.add(.partners, to: id, texts: texts, node: node)
    }
}
