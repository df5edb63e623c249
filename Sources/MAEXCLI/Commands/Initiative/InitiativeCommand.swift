import ArgumentParser

/// `maex-node initiative`: the group of initiative commands.
struct InitiativeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "initiative",
        abstract: "Add, change, delete, list and show initiatives.",
        discussion: """
            Every change is written as a signed change set of this node.

            Example:
              maex-node initiative add --name "Repair Café" --municipality GM0718 --sdg 11,12
              maex-node initiative list
            """,
        subcommands: [
            InitiativeAddCommand.self, InitiativeSetCommand.self, InitiativeDeleteCommand.self,
            InitiativeListCommand.self, InitiativeShowCommand.self,
        ]
    )
}
