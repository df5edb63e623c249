import ArgumentParser
import MAEXCore
import MAEXNode

/// `maex-node impuls apply`: an initiative applies to a fund.
struct ImpulsApplyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "apply",
        abstract: "Apply to a fund for an initiative of this node. Refused with the reasons when not eligible. Prints the application's id."
    )

    @OptionGroup var node: NodeOptions
    @Argument(help: "The initiative's id.") var initiative: String
    @Option(help: "The fund code.") var fund: String
    @Option(help: "The amount in euro cents.") var amountCents: String
    @Option(help: "A short motivation.") var motivation: String
    @Option(help: "The impact the initiative wants to make.") var impact: String
    @Option(help: "The day of applying (YYYY-MM-DD, default today).") var date: String?

    func run() throws {
        let amount = try ImpulsInput.cents(amountCents)
        let day = try ImpulsSession.day(date)
        let change = try ImpulsSession.desk(node).apply(
            initiative: initiative.lowercased(), fund: fund, amountCents: amount, motivation: motivation, impact: impact, date: day)
        ImpulsSession.report(change)
    }
}
