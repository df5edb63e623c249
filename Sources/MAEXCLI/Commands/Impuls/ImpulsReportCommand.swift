import ArgumentParser
import MAEXCore
import MAEXNode

/// `maex-node impuls report`: the initiative accounts for a grant.
struct ImpulsReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Account for a grant with a short summary or a link (on the initiative's node). Prints the report's id."
    )

    @OptionGroup var node: NodeOptions
    @Argument(help: "The application's id.") var application: String
    @Option(help: "A short summary of what the money did.") var summary: String?
    @Option(help: "A link to a report (https://...).") var link: String?
    @Option(help: "The day (YYYY-MM-DD, default today).") var date: String?

    func run() throws {
        let change = try ImpulsSession.desk(node).report(
            application: application.lowercased(), summary: summary, link: link, date: try ImpulsSession.day(date))
        ImpulsSession.report(change)
    }
}
