import ArgumentParser
import MAEXStore

/// `maex-node rebuild`: re-derives the register from the log.
struct RebuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rebuild",
        abstract: "Rebuild the register from the log, then print the state digest.",
        discussion: """
            The log is the truth and the register a cache: a rebuild gives the same digest.

            Example:
              maex-node rebuild --data ./vlissingen
            """
    )

    @OptionGroup var node: NodeOptions

    func run() throws {
        let store = try NodeSession.openForWriting(node).store
        try store.rebuild()
        print(try store.digest())
    }
}
