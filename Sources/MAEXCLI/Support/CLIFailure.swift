import Foundation

/// How the command line reports a failure: one line on stderr, `maex-node: error: ...`, and an
/// exit code (1 for a refused or failed command, 2 for wrong usage).
enum CLIFailure {
    /// A command was refused or failed; the node is unchanged.
    static let runtimeExitCode: Int32 = 1
    /// The command line itself was wrong.
    static let usageExitCode: Int32 = 2

    /// Writes the one-line error and exits.
    static func exit(message: String, code: Int32) -> Never {
        let line = message.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }.joined(separator: "; ")
        FileHandle.standardError.write(Data("maex-node: error: \(line)\n".utf8))
        Foundation.exit(code)
    }
}
