import ArgumentParser
import MAEXCore
import MAEXNode

/// `maex-node impuls fund-create`: publishes a fund.
struct ImpulsFundCreateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fund-create",
        abstract: "Publish a fund with its criteria (on the fund's node). Prints the fund record's id as the last line.",
        discussion: "Other fields (\(RecordSchema.fund.fields.map(\.name).joined(separator: ", "))) with --field NAME=VALUE."
    )

    @OptionGroup var node: NodeOptions
    @Option(help: "The fund code (this node's scope), e.g. impuls-zeeland.") var code: String
    @Option(help: "The fund's name.") var name: String
    @Option(help: "What the fund is for.") var purpose: String?
    @Option(help: "Municipality and province codes, comma separated (e.g. PV29,GM0718).") var area: String?
    @Option(help: "SDG numbers, comma separated.") var sdg: String?
    @Option(help: "The smallest grant in euro cents.") var amountMinCents: String
    @Option(help: "The largest grant in euro cents.") var amountMaxCents: String
    @Option(help: "The first day applications are taken (YYYY-MM-DD).") var opens: String?
    @Option(help: "The last day applications are taken (YYYY-MM-DD).") var closes: String?
    @Option(help: "The decision target in days.") var decisionDays: String?
    @Option(name: .customLong("field"), help: ArgumentHelp("Another field as NAME=VALUE.", valueName: "name=value"))
    var fields: [String] = []

    func run() throws {
        var texts = try SubRecordInput.fields(fields)
        texts.merge(
            [
                "fund": code, "name": name, "purpose": purpose ?? "", "areas": area ?? "", "sdgs": sdg ?? "",
                "amount_min_cents": amountMinCents, "amount_max_cents": amountMaxCents, "opens": opens ?? "", "closes": closes ?? "",
                "decision_days": decisionDays ?? "",
            ]
        ) { old, new in new.isEmpty ? old : new }
        let values = try ImpulsInput.values(RecordSchema.fund, texts)
        ImpulsSession.report(try ImpulsSession.desk(node).createFund(values))
    }
}
