import ArgumentParser
import MAEXCore
import MAEXNode

/// `maex-node id`: prints the node id.
struct IdCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "id",
        abstract: "Print the node id (its public key, 64 hex characters).",
        discussion: """
            Example:
              maex-node id --data ./vlissingen
            """
    )

    @OptionGroup var node: NodeOptions

    func run() throws {
        print(try NodeDirectory.open(at: node.dataURL).nodeID.hex)
    }
}
