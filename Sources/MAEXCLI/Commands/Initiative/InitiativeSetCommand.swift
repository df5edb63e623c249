import ArgumentParser
import MAEXCore
import MAEXNode

/// `maex-node initiative set`: sets one field.
struct InitiativeSetCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "set",
        abstract: "Set one field of an initiative.",
        discussion: """
            VALUE is typed text: numbers as 12, lists as 3,11, yes/no (ja/nee) for flags, dates as \
            2026-11-29. An empty VALUE clears an optional field. Setting a field that is in \
            conflict resolves the conflict. Setting the municipality moves the initiative's \
            contributions, needs, offers and partners with it (in the same change set).

            Fields: \(RecordSchema.initiative.fields.map(\.name).joined(separator: ", ")).

            Example:
              maex-node initiative set 0f8b1c2e-3d4a-4b5c-8d6e-7f8091a2b3c4 sdgs 3,11
              maex-node initiative set 0f8b1c2e-3d4a-4b5c-8d6e-7f8091a2b3c4 description ""
            """
    )

    @OptionGroup var node: NodeOptions

    @Argument(help: "The initiative's id.")
    var id: String

    @Argument(help: "The field name.")
    var field: String

    @Argument(help: "The new value as text; empty clears the field.")
    var value: String

    func run() throws {
        let key = try InitiativeInput.key(id)
        let parsed: JSONValue
        do { parsed = try RecordSchema.initiative.field(field).parse(value) } catch { throw AuthoringError.schema(error) }
        let session = try NodeSession.openForWriting(node)
        _ = try session.editor.updateInitiative(key.id, [field: parsed])
        if parsed != .null {
            print("initiative \(key.id): \(field) = \(ValueText.text(parsed))")
        } else {
            print("initiative \(key.id): \(field) cleared")
        }
    }
}
