import ArgumentParser
import MAEXCore
import MAEXNode

/// `maex-node impuls support`: records a partner's support for an initiative.
struct ImpulsSupportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "support",
        abstract: "Record a partner's donation, partnership, knowledge or media attention for an initiative of this node. Prints its id.",
        discussion: "Kinds: \(RecordSchema.supportKinds.joined(separator: ", "))."
    )

    @OptionGroup var node: NodeOptions
    @Argument(help: "The initiative's id.") var initiative: String
    @Option(help: "The kind of support.") var kind: String
    @Option(help: "The partner.") var partner: String
    @Option(help: "What was given.") var description: String?
    @Option(help: "For a donation: the amount in euro cents.") var amountCents: String?
    @Option(help: "The day (YYYY-MM-DD, default today).") var date: String?

    func run() throws {
        let values = try ImpulsInput.values(
            RecordSchema.support,
            ["kind": kind, "partner": partner, "description": description ?? "", "amount_cents": amountCents ?? "", "date": try ImpulsSession.day(date)])
        ImpulsSession.report(try ImpulsSession.desk(node).support(initiative: initiative.lowercased(), values))
    }
}
