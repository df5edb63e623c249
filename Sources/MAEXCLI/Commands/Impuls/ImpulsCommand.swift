import ArgumentParser

/// `maex-node impuls`: MAEX Impuls, small fast grants from funds to initiatives.
struct ImpulsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "impuls",
        abstract: "Publish funds and pledges, apply, decide, pay and report on MAEX Impuls grants.",
        discussion: """
            A fund node (role fund) publishes funds, records its co-funders' pledges, decides and \
            pays; an initiative's hosting node applies and reports. Every change is a signed change \
            set of this node that reaches the others by sync. Amounts are in euro cents.

            Example:
              maex-node impuls fund-create --code impuls-zeeland --name "Impuls Zeeland" --area PV29 --amount-min-cents 50000 --amount-max-cents 250000
              maex-node impuls pledge impuls-zeeland --funder "Rabobank" --kind bank --amount-cents 1000000
              maex-node impuls apply 3f0c...e1 --fund impuls-zeeland --amount-cents 150000 --motivation "..." --impact "..."
              maex-node impuls decide 9a1b...07 --outcome toegekend
              maex-node impuls status impuls-zeeland
            """,
        subcommands: [
            ImpulsFundCreateCommand.self, ImpulsPledgeCommand.self, ImpulsCheckCommand.self, ImpulsApplyCommand.self,
            ImpulsDecideCommand.self, ImpulsPayCommand.self, ImpulsReportCommand.self, ImpulsSupportCommand.self, ImpulsStatusCommand.self,
        ]
    )
}
