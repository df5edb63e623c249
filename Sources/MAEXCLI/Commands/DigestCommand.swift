import ArgumentParser
import MAEXStore

/// `maex-node digest`: prints the state digest.
struct DigestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "digest",
        abstract: "Print the state digest of the register (64 hex characters).",
        discussion: """
            Two nodes that hold the same change sets print the same digest.

            Example:
              maex-node digest --data ./vlissingen
            """
    )

    @OptionGroup var node: NodeOptions

    func run() throws {
        print(try NodeSession.open(node).store.digest())
    }
}
