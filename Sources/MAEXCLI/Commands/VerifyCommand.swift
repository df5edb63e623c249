import ArgumentParser
import MAEXStore
import Foundation

/// `maex-node verify`: checks the store against its own log.
struct VerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Check the node: signatures, chains and the register against the log.",
        discussion: """
            Prints "ok" and exits 0 when all is well; otherwise prints one line per problem and \
            exits 1.

            Example:
              maex-node verify --data ./vlissingen
            """
    )

    @OptionGroup var node: NodeOptions

    func run() throws {
        let problems = try NodeSession.open(node).store.verify()
        guard !problems.isEmpty else {
            print("ok")
            return
        }
        for problem in problems { print("problem: \(problem)") }
        CLIFailure.exit(message: "verify found \(problems.count) problem(s)", code: CLIFailure.runtimeExitCode)
    }
}
