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
        let session = try NodeSession.openForWriting(node, allowRotating: true)
        print(try Self.importBundle(file, into: session.store))
    }

    /// Stores the bundle in `file`; returns a one-line summary.
    static func importBundle(_ file: String, into store: NodeStore) throws -> String {
        let bundle: PushRequest = try TrustArguments.readJSON(file)
        let results = try store.receive(raw: bundle.changesets.map(\.raw), nowMilliseconds: TrustArguments.now())
        let refused = results.filter { if case .rejected = $0.outcome { true } else { false } }
        if let first = refused.first { throw TrustCommandError("the bundle holds a refused change set \(first.id.hex): \(first.outcome)") }
        let waiting = try store.pendingCount()
        let duplicates = results.count { $0.outcome == .duplicate }
        return "stored \(results.count - duplicates - waiting) change sets, \(duplicates) already held, \(waiting) waiting for others"
    }
}
