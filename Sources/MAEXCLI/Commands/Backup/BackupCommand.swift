import ArgumentParser
import Foundation
import MAEXNode

/// `maex-node backup --out FILE`: a verified copy of the node's store, while it serves.
struct BackupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup",
        abstract: "Write a verified backup of the node's store (works while the node serves).",
        discussion: """
            Copies the store (the log and the register derived from it) into one SQLite file \
            with SQLite's online backup, from a read-only snapshot: a serving node keeps \
            serving and writing. The copy is then opened and checked (integrity_check, every \
            change set's signature and chain, the register against the log) before it is \
            renamed to FILE; FILE must not exist. Prints the copy's digest.

            The backup holds no secret: node.key, node.json and admin.token stay in the data \
            folder. Keep a copy of them apart from the backups (restore needs them in the folder).

            Example:
              maex-node backup --data ./zeeland --out /var/backups/zeeland-2026-12-04.maexbak
            """
    )

    @OptionGroup var node: NodeOptions

    @Option(help: ArgumentHelp("The backup file to write (must not exist).", valueName: "file"))
    var out: String

    func run() throws {
        let directory = try NodeDirectory.open(at: node.dataURL)
        let report = try directory.backup(to: URL(fileURLWithPath: out).path, logger: CLILogging.logger)
        print("backup \(report.path): \(report.changeSets) change sets, own head seq \(report.ownSeq), verified ok")
        print("digest \(report.digest)")
    }
}
