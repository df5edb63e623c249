import ArgumentParser
import MAEXCore
import MAEXNode

/// `maex-node impuls pledge`: records a co-funder's pledge.
struct ImpulsPledgeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pledge",
        abstract: "Record a co-funder's pledge to a fund (on the fund's node, on the co-funder's behalf). Prints the pledge's id.",
        discussion: "Kinds: \(RecordSchema.funderKinds.joined(separator: ", "))."
    )

    @OptionGroup var node: NodeOptions
    @Argument(help: "The fund code.") var fund: String
    @Option(help: "Who pledges.") var funder: String
    @Option(help: "What kind of funder.") var kind: String
    @Option(help: "The amount in euro cents.") var amountCents: String
    @Option(help: "The day of the pledge (YYYY-MM-DD, default today).") var date: String?

    func run() throws {
        let values = try ImpulsInput.values(
            RecordSchema.pledge,
            ["funder": funder, "funder_kind": kind, "amount_cents": amountCents, "date": try ImpulsSession.day(date)])
        ImpulsSession.report(try ImpulsSession.desk(node).pledge(fund: fund, values))
    }
}
