import ArgumentParser

/// `maex-node initiative`: the group of initiative commands.
struct InitiativeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "initiative",
        abstract: "Add, change, delete, list and show initiatives; add their contributions, needs, offers and partners.",
        discussion: """
            Every change is written as a signed change set of this node.

            Example:
              maex-node initiative add --name "Repair Café" --municipality GM0718 --sdg 11,12
              maex-node initiative list
            """,
        subcommands: [
            InitiativeAddCommand.self, InitiativeSetCommand.self, InitiativeDeleteCommand.self,
            InitiativeListCommand.self, InitiativeShowCommand.self, InitiativeContributeCommand.self, InitiativeNeedCommand.self,
            InitiativeOfferCommand.self, InitiativePartnerCommand.self, InitiativeImportCommand.self,
        ]
    )
}
