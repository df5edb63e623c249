import ArgumentParser
import MAEXCore
import MAEXNode

/// `maex-node impuls status`: a fund's budget, applications, decisions and lead times.
struct ImpulsStatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Print a fund's state as JSON: co-funders, budget, granted, paid, left, applications, decisions, lead times.",
        discussion: "Without a fund code: the codes of every fund this node holds, one a line."
    )

    @OptionGroup var node: NodeOptions
    @Argument(help: "The fund code.") var fund: String?

    func run() throws {
        let held = try ImpulsSession.reader(node).records()
        guard let fund else {
            for code in held.fundCodes { print(code) }
            return
        }
        guard let status = FundStatus.json(fund, in: held) else { throw ImpulsError.unknownFund(fund) }
        JSONOutput.print(status)
    }
}
