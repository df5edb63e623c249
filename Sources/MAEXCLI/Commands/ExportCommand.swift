import ArgumentParser
import Foundation
import MAEXNode

extension OpenDataFormat: ExpressibleByArgument {}

/// `maex-node export`: what the node holds, as open data files.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write what the node holds as open data: HSDS 3.0 JSON, CSV tables or 360Giving grants.",
        discussion: """
            csv writes initiatives.csv, needs.csv, offers.csv and handprint_sdg_gemeente_jaar.csv (SDG x municipality \
            x year, columns RegioS and Perioden as in CBS StatLine) into the --out folder; hsds writes \
            organizations.json, services.json, taxonomies.json and taxonomy_terms.json. Each export carries LICENTIE.txt. \
            An existing file is never overwritten. 360giving (JSON) and 360giving-csv hold the valid Impuls grants and \
            the dated donations the node holds: printed on stdout, or written with LICENTIE.txt into --out when given; \
            a node without grants writes nothing and says so.

            Examples:
              maex-node export --data ./vlissingen --format csv --out ./open-data
              maex-node export --data ./vlissingen --format hsds --out ./hsds --licence "CC0 1.0" \\
                --licence-url https://creativecommons.org/publicdomain/zero/1.0/
              maex-node export --data ./impuls --format 360giving > grants.json
            """
    )

    @OptionGroup var node: NodeOptions

    @Option(help: ArgumentHelp("hsds, csv, 360giving or 360giving-csv.", valueName: "format"))
    var format: OpenDataFormat

    @Option(help: ArgumentHelp("The folder to write (created when missing; default ./maex-export-FORMAT).", valueName: "dir"))
    var out: String?

    @Option(help: ArgumentHelp("The licence's name (default CC BY 4.0).", valueName: "name"))
    var licence: String?

    @Option(help: ArgumentHelp("Where the licence is written down.", valueName: "url"))
    var licenceURL: String?

    func validate() throws {
        if (licence == nil) != (licenceURL == nil) { throw ValidationError("give --licence and --licence-url together") }
    }

    func run() throws {
        let session = try NodeSession.open(node)
        if format.isGiving, out == nil {
            FileHandle.standardOutput.write(try OpenDataExport.giving(format, store: session.store))
            if format == .giving { FileHandle.standardOutput.write(Data("\n".utf8)) }
            return
        }
        let chosen = licence.map { OpenDataLicence(name: $0, url: licenceURL ?? "") } ?? .ccBy40
        let folder = URL(fileURLWithPath: out ?? "maex-export-\(format.rawValue)")
        let written = try OpenDataExport.write(format, store: session.store, source: session.directory.info.name, licence: chosen, to: folder)
        for path in written { print(path) }
    }
}
