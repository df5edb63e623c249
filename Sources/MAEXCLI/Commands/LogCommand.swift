import ArgumentParser
import MAEXStore
import MAEXCore

/// `maex-node log`: lists the change sets held.
struct LogCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "log",
        abstract: "List the change sets held, in the order they were applied.",
        discussion: """
            One line per change set: author, sequence number, id and number of operations, \
            marked `retracted` when a revocation or a fork withdrew it. Fork evidence (two change \
            sets of one author at one sequence) follows as `fork` lines.

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

    @Flag(help: "Print a JSON array of {author, seq, id, hlc, ops, position[, retracted]}.")
    var json = false

    func validate() throws {
        guard limit >= 1 else { throw ValidationError("--limit must be at least 1") }
        guard offset >= 0 else { throw ValidationError("--offset must not be negative") }
    }

    func run() throws {
        let store = try NodeSession.open(node).store
        let entries = try store.log(limit: limit, offset: offset)
        let retracted = try store.retractions()
        let forked = try store.forkedAuthors()
        func withdrawal(_ entry: LogEntry) -> String? {
            if let from = forked[entry.author], entry.seq >= from { return "author forked at sequence \(from)" }
            return retracted[ChangeRef(author: entry.author, seq: entry.seq)]
        }
        if json {
            JSONOutput.print(entries.map { entry -> [String: JSONValue] in
                var item: [String: JSONValue] = [
                    "author": .string(entry.author.hex), "seq": .int(entry.seq), "id": .string(entry.id.hex),
                    "hlc": entry.hlc.jsonValue, "ops": .int(Int64(entry.operationCount)), "position": .int(entry.position),
                ]
                if let reason = withdrawal(entry) { item["retracted"] = .string(reason) }
                return item
            })
            return
        }
        for entry in entries {
            let mark = withdrawal(entry).map { " retracted (\($0))" } ?? ""
            print("\(entry.author.hex) #\(entry.seq) \(entry.id.hex) \(entry.operationCount) op(s)\(mark)")
        }
        for fork in try store.forks() {
            print("fork \(fork.author.hex) #\(fork.seq) held \(fork.held.id.hex) other \(fork.other.id.hex)")
        }
    }
}
