import ArgumentParser
import MAEXCore
import MAEXNode

/// `maex-node impuls pay`: records a payment of a grant.
struct ImpulsPayCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pay",
        abstract: "Record a payment of a granted application (on the fund's node). Prints the payment's id."
    )

    @OptionGroup var node: NodeOptions
    @Argument(help: "The application's id.") var application: String
    @Option(help: "The amount in euro cents (default: what is still open).") var amountCents: String?
    @Option(help: "The day paid (YYYY-MM-DD, default today).") var date: String?

    func run() throws {
        let amount = try amountCents.map { text throws(ImpulsError) in try ImpulsInput.cents(text) }
        ImpulsSession.report(try ImpulsSession.desk(node).pay(application: application.lowercased(), amountCents: amount, date: try ImpulsSession.day(date)))
    }
}
