import ArgumentParser
import Foundation
import MAEXCore
import MAEXNode
import MAEXStore
import MAEXWire

/// `maex-node trust import`: stores an enrollment bundle written by `trust grant --out`.
struct TrustImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Store an enrollment bundle (a certificate and what it depends on) from a file.",
        discussion: """
            Every change set is verified as if it arrived by sync. Prints how many were stored.

            Example:
              maex-node trust import vlissingen.cert --data ./vlissingen
            """
    )

    @OptionGroup var node: NodeOptions

    @Argument(help: "The bundle file.")
    var file: String

    func run() throws {
        let data: Data
        do { data = try Data(contentsOf: URL(fileURLWithPath: file)) } catch {
            throw TrustCommandError("cannot read \(file): \(error.localizedDescription)")
        }
        let bundle: PushRequest
        do { bundle = try JSONDecoder().decode(PushRequest.self, from: data) } catch {
            throw TrustCommandError("\(file) is not an enrollment bundle: \(error)")
        }
        let session = try NodeSession.openForWriting(node)
        let results = try session.store.receive(raw: bundle.changesets.map(\.raw), nowMilliseconds: TrustArguments.now())
        let refused = results.filter { if case .rejected = $0.outcome { true } else { false } }
        if let first = refused.first { throw TrustCommandError("the bundle holds a refused change set \(first.id.hex): \(first.outcome)") }
        let waiting = try session.store.pendingCount()
        let duplicates = results.count { $0.outcome == .duplicate }
        print("stored \(results.count - duplicates - waiting) change sets, \(duplicates) already held, \(waiting) waiting for others")
    }
}
