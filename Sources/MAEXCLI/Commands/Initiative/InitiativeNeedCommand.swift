import ArgumentParser
import MAEXCore
import MAEXNode

/// `maex-node initiative need`: adds a need.
struct InitiativeNeedCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "need",
        abstract: "Add a need (money, volunteers, knowledge, ...) to an initiative. Prints the new id as the last line.",
        discussion: """
            Kinds: \(RecordSchema.needKinds.joined(separator: ", ")). A need for money names an amount.

            Example:
              maex-node initiative need 3f0c...e1 --kind geld --description "Een koelcel" --amount-cents 1850000
            """
    )

    @OptionGroup var node: NodeOptions
    @Argument(help: "The initiative's id.") var id: String
    @Option(help: "The kind of need.") var kind: String
    @Option(help: "What is needed.") var description: String
    @Option(help: "For money: the amount in euro cents.") var amountCents: String?
    @Option(help: "For help: the hours.") var hours: String?
    @Option(name: .customLong("field"), help: ArgumentHelp("Another field as NAME=VALUE.", valueName: "name=value"))
    var fields: [String] = []

    func run() throws {
        var texts = try SubRecordInput.fields(fields)
        texts.merge(["kind": kind, "description": description, "amount_cents": amountCents ?? "", "hours": hours ?? ""]) { _, new in new }
        if texts[RecordSchema.Field.status] == nil { texts[RecordSchema.Field.status] = NeedStatus.open.rawValue }
        try SubRecordInput.add(.needs, to: id, texts: texts, node: node)
    }
}
