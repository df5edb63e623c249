import ArgumentParser
import Foundation

/// The `maex-node` command line: create a node and edit its register offline.
@main
struct MAEXNodeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "maex-node",
        abstract: "A MAEX node: the register of civic initiatives, edited offline as signed change sets.",
        discussion: """
            Every command works on a node's data folder (--data, default ./maex-data), which holds \
            node.json (who the node is), node.key (its secret key, never printed) and maex.sqlite \
            (the log of change sets and the register derived from it).

            Exit codes: 0 success, 1 refused or failed (the node is unchanged), 2 wrong usage.
            Set MAEX_LOG_LEVEL (trace, debug, info, notice, warning, error) for diagnostics on stderr.

            Example:
              maex-node init --name "Gemeente Vlissingen" --role municipality --scope GM0718
              maex-node initiative add --name "Repair Café" --municipality GM0718 --sdg 11,12
            """,
        subcommands: [
            InitCommand.self, IdCommand.self, AdminCommand.self, InitiativeCommand.self, ImpulsCommand.self, ExportCommand.self, LogCommand.self, DigestCommand.self,
            ConflictsCommand.self, VerifyCommand.self, RebuildCommand.self, TrustCommand.self,
            BackupCommand.self, RestoreCommand.self,
            SyncCommand.self,
            ServeCommand.self,
            ExportCommand.self,
            DemoCommand.self,
        ]
    )

    /// Parses and runs a command; every error becomes one line on stderr (see `CLIFailure`).
    static func main() {
        var command: any ParsableCommand
        do {
            command = try parseAsRoot()
        } catch {
            guard exitCode(for: error) != .success else { exit(withError: error) }
            CLIFailure.exit(message: message(for: error) + " (see --help)", code: CLIFailure.usageExitCode)
        }
        do {
            try command.run()
        } catch let code as ExitCode {
            Foundation.exit(code.rawValue)
        } catch let error as CleanExit {
            exit(withError: error)
        } catch let error as ValidationError {
            CLIFailure.exit(message: error.message, code: CLIFailure.usageExitCode)
        } catch {
            // `--help` on a command arrives here: parsing yields a help command whose `run` throws.
            switch exitCode(for: error) {
            case .success: exit(withError: error)
            case .validationFailure: CLIFailure.exit(message: message(for: error) + " (see --help)", code: CLIFailure.usageExitCode)
            default: CLIFailure.exit(message: "\(error)", code: CLIFailure.runtimeExitCode)
            }
        }
    }
}
