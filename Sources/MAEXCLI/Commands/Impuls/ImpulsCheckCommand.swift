import ArgumentParser
import MAEXCore
import MAEXNode

/// `maex-node impuls check`: eligibility before applying.
struct ImpulsCheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check whether an initiative may apply to a fund for an amount, with every reason it may not. Changes nothing.",
        discussion: "Exit code 0 when eligible, 1 (with the reasons) when not."
    )

    @OptionGroup var node: NodeOptions
    @Argument(help: "The initiative's id.") var initiative: String
    @Option(help: "The fund code.") var fund: String
    @Option(help: "The amount in euro cents.") var amountCents: String
    @Option(help: "The day of applying (YYYY-MM-DD, default today).") var date: String?

    func run() throws {
        let problems = try ImpulsSession.reader(node).eligibility(
            initiative: initiative.lowercased(), fund: fund, amountCents: try ImpulsInput.cents(amountCents), date: try ImpulsSession.day(date))
        guard problems.isEmpty else { throw ImpulsError.notEligible(problems) }
        print("eligible")
    }
}
