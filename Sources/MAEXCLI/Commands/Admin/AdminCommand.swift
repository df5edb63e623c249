import ArgumentParser

/// `maex-node admin`: the node's admin credentials.
struct AdminCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "admin",
        abstract: "The node's admin credentials for editing over HTTP.",
        subcommands: [AdminTokenCommand.self]
    )
}
