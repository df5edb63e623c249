import ArgumentParser
import Foundation
import MAEXNode

/// `maex-node restore FILE`: put a backup back in the node's folder.
struct RestoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "restore",
        abstract: "Replace the node's store with a backup (the node must be stopped).",
        discussion: """
            The data folder must hold the node (node.json and node.key: they are not in the \
            backup) and no node may serve it. The backup must be of this node. It is verified \
            and migrated before the folder changes; the store it replaces is moved aside to \
            maex.sqlite.before-restore-<time>.

            A restored node may lack its own latest change sets (made after the backup and \
            already held by peers), so it refuses to edit until one sync round with a peer \
            succeeded: `serve` does that by itself, or run `maex-node sync --peer URL`. That \
            round brings its own later change sets back, and it never reuses a sequence number.

            Example:
              maex-node restore /var/backups/zeeland-2026-12-04.maexbak --data ./zeeland
            """
    )

    @Argument(help: ArgumentHelp("The backup file (made by `maex-node backup`).", valueName: "file"))
    var file: String

    @OptionGroup var node: NodeOptions

    func run() throws {
        let directory = try NodeDirectory.open(at: node.dataURL)
        let lock: ServeLock
        do { lock = try ServeLock.serve(directory) } catch {
            CLIFailure.exit(message: "cannot restore into \(directory.url.path): \(error)", code: CLIFailure.runtimeExitCode)
        }
        let report = try directory.restore(from: URL(fileURLWithPath: file).path, logger: CLILogging.logger)
        withExtendedLifetime(lock) {}
        print("restored \(report.path): \(report.changeSets) change sets, own head seq \(report.ownSeq), verified ok")
        if let previous = report.previousStore { print("the replaced store is kept as \(previous)") }
        print("digest \(report.digest)")
        print("this node edits nothing until a sync round with a peer succeeded (serve does one by itself)")
    }
}
