import ArgumentParser
import MAEXStore
import MAEXCore

/// `maex-node log`: lists the change sets held.
struct LogCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "log",
        abstract: "List the change sets held, in the order they were applied.",
        discussion: """
            One line per change set: author, sequence number, id and number of operations.

            Example:
              maex-node log --data ./vlissingen --limit 20
              maex-node log --data ./vlissingen --json
            """
    )

    @OptionGroup var node: NodeOptions

    @Option(help: "Show at most this many change sets.")
    var limit: Int = 1000

    @Option(help: "Skip this many change sets first.")
    var offset: Int = 0

    @Flag(help: "Print a JSON array of {author, seq, id, hlc, ops, position}.")
    var json = false

    func validate() throws {
        guard limit >= 1 else { throw ValidationError("--limit must be at least 1") }
        guard offset >= 0 else { throw ValidationError("--offset must not be negative") }
    }

    func run() throws {
        let entries = try NodeSession.open(node).store.log(limit: limit, offset: offset)
        if json {
            JSONOutput.print(entries.map { entry -> [String: JSONValue] in
                [
                    "author": .string(entry.author.hex), "seq": .int(entry.seq), "id": .string(entry.id.hex),
                    "hlc": entry.hlc.jsonValue, "ops": .int(Int64(entry.operationCount)), "position": .int(entry.position),
                ]
            })
            return
        }
        for entry in entries {
            print("\(entry.author.hex) #\(entry.seq) \(entry.id.hex) \(entry.operationCount) op(s)")
        }
    }
}
