import ArgumentParser
import MAEXCore
import MAEXNode

/// `maex-node impuls decide`: the fund decides on an application.
struct ImpulsDecideCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "decide",
        abstract: "Decide on an application (on the fund's node). A grant is refused when the budget left is too small. Prints the decision's id.",
        discussion: "Outcomes: \(RecordSchema.decisionOutcomes.joined(separator: ", ")). A refusal or a question needs --reason."
    )

    @OptionGroup var node: NodeOptions
    @Argument(help: "The application's id.") var application: String
    @Option(help: "The outcome.") var outcome: String
    @Option(help: "For a grant: the amount in euro cents (default: what was asked).") var amountCents: String?
    @Option(help: "The reason.") var reason: String?
    @Option(help: "The day of the decision (YYYY-MM-DD, default today).") var date: String?

    func run() throws {
        guard RecordSchema.decisionOutcomes.contains(outcome) else {
            throw ValidationError("--outcome must be one of \(RecordSchema.decisionOutcomes.joined(separator: ", "))")
        }
        let amount = try amountCents.map { text throws(ImpulsError) in try ImpulsInput.cents(text) }
        let change = try ImpulsSession.desk(node).decide(
            application: application.lowercased(), outcome: outcome, amountCents: amount, reason: reason, date: try ImpulsSession.day(date))
        ImpulsSession.report(change)
    }
}
