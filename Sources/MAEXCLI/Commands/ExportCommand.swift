import ArgumentParser
import Foundation
import MAEXCore
import MAEXNode
import MAEXStore

/// `maex-node export --format 360giving|360giving-csv`: the grants and donations this node holds.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Print the grants (valid Impuls grants) and donations this node holds as 360Giving 1.4 JSON or CSV.",
        discussion: "Example:\n  maex-node export --format 360giving > grants.json"
    )

    @OptionGroup var node: NodeOptions
    @Option(help: "360giving (a JSON package) or 360giving-csv.") var format: String

    func run() throws {
        guard ["360giving", "360giving-csv"].contains(format) else { throw ValidationError("--format must be 360giving or 360giving-csv") }
        let session = try NodeSession.open(node)
        let held = try session.store.impulsRecords()
        var initiatives: [String: RecordState] = [:]
        for (key, state) in try session.store.records(type: RecordSchema.initiative.type) { initiatives[key.id] = state }
        if format == "360giving" {
            FileHandle.standardOutput.write(try GivingExport.json(held, initiatives: initiatives))
            FileHandle.standardOutput.write(Data("\n".utf8))
        } else {
            FileHandle.standardOutput.write(Data(GivingExport.csv(held, initiatives: initiatives).utf8))
        }
    }
}
