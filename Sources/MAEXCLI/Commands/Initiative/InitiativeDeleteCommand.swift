import ArgumentParser
import MAEXCore
import MAEXNode

/// `maex-node initiative delete`: deletes an initiative for good.
struct InitiativeDeleteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "delete",
        abstract: "Delete an initiative with its contributions, needs, offers and partners, for good (ids are never reused).",
        discussion: """
            Example:
              maex-node initiative delete 0f8b1c2e-3d4a-4b5c-8d6e-7f8091a2b3c4
            """
    )

    @OptionGroup var node: NodeOptions

    @Argument(help: "The initiative's id.")
    var id: String

    func run() throws {
        let key = try InitiativeInput.key(id)
        let result = try NodeSession.openForWriting(node).editor.deleteInitiative(key.id)
        let also = result.deleted.isEmpty ? "" : " with its \(result.deleted.count) contribution, need, offer and partner record(s)"
        print("deleted initiative \(key.id)\(also)")
    }
}
