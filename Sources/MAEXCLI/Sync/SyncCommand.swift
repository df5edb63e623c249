import ArgumentParser
import Foundation
import MAEXClient
import MAEXCore
import MAEXNode
import MAEXStore

/// `maex-node sync --peer URL...`: one sync round with each peer, then exit.
struct SyncCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sync",
        abstract: "Sync once with each peer: pull what this node lacks, push what the peer lacks.",
        discussion: """
            For the laptop that comes back online: the node's folder must not be served by a \
            running node (`serve` syncs by itself). Prints what moved per peer, and a progress \
            line on long transfers. Exits with 1 when a round with any peer failed; what was \
            received before the failure is kept, and the next sync continues from there.

            With --author the round pulls only the change sets of those authors: the node then \
            holds only their change sets (plus its own). A change set that depends on another \
            author's change set waits as pending until that one arrives (it does not, while that \
            author is filtered out). Pushing is not filtered.

            An https:// peer's certificate is verified against the system CA store, or \
            --ca-file; --pinned-key also requires its public key. After a restore, the first \
            round that succeeds lets the node edit again (see `maex-node restore --help`).

            Example:
              maex-node sync --data ./vlissingen --peer http://127.0.0.1:8082/
              maex-node sync --data ./vlissingen --peer https://zeeland.example.nl/ --ca-file ca.pem
              maex-node sync --data ./vlissingen --peer http://127.0.0.1:8082/ --author ID
            """
    )

    @OptionGroup var node: NodeOptions

    @Option(name: .customLong("peer"), help: ArgumentHelp("A peer's base URL (repeat for several).", valueName: "url"))
    var peers: [String] = []

    @Option(
        name: .customLong("author"),
        help: ArgumentHelp("Pull only this author's change sets (a node id; repeat for several; default: all).", valueName: "id"))
    var authors: [String] = []

    @Flag(help: "Print one JSON object per peer instead of text.")
    var json = false

    @Flag(help: "Do not print progress lines.")
    var quiet = false

    @Option(help: ArgumentHelp("Check https:// peers against this CA file (PEM) instead of the system store.", valueName: "file"))
    var caFile: String?

    @Option(help: ArgumentHelp("Require the peer's public key (sha256//BASE64, as curl's --pinnedpubkey).", valueName: "pin"))
    var pinnedKey: String?

    /// The most change sets per pull request (tests use small batches).
    @Option(help: .hidden)
    var pullCount: Int?

    func validate() throws {
        guard !peers.isEmpty else { throw ValidationError("name at least one peer with --peer URL") }
        if !authors.isEmpty {
            do { _ = try NodeConfiguration.parseAuthors(authors, key: "--author") } catch { throw ValidationError(error.description) }
        }
    }

    func run() throws {
        let directory = try NodeDirectory.open(at: node.dataURL)
        let lock = try ServeLock.write(directory)
        let logger = CLILogging.logger
        let store = try directory.openStore(logger: logger)
        var transport = SyncCommand.transportConfiguration
        transport.tls = PeerTLS(caFile: caFile, pinnedPublicKey: pinnedKey)
        let clients = try peers.map { url throws(PeerError) in
            try PeerClient(url: url, configuration: transport, logger: logger, signingKey: directory.signingKey)
        }
        let json = self.json
        let showProgress = !quiet && !json
        let limits = SyncLimits(pullCount: pullCount ?? SyncLimits.standard.pullCount)
        // The node's own change sets always count among the authors it holds.
        let filter = authors.isEmpty
            ? nil : try NodeConfiguration.parseAuthors(authors, key: "--author").union([directory.nodeID])
        let failures = try AsyncBridge.run {
            var failures = 0
            for client in clients {
                let reporter = ProgressReporter(enabled: showProgress)
                let round = SyncRound(
                    store: store, client: client, limits: limits, authors: filter, logger: logger, progress: { reporter.report($0) })
                do {
                    let summary = try await round.run()
                    reporter.finish()
                    Console.line(json ? SyncSummaryJSON(summary).line : summary.description)
                    if try directory.confirmOwnHead(), !json {
                        Console.line("own head confirmed by \(client.peer.description): this restored node edits again")
                    }
                } catch {
                    reporter.finish()
                    failures += 1
                    if json { Console.line(SyncSummaryJSON(failed: client.peer.description, error: error).line) }
                    Console.error("maex-node: error: sync with \(client.peer.description) failed: \(error)")
                }
            }
            return failures
        }
        withExtendedLifetime(lock) {}
        if failures > 0 { throw ExitCode(CLIFailure.runtimeExitCode) }
    }

    /// Patient timeouts: a laptop on a slow link moves large batches.
    static let transportConfiguration = HTTPTransportConfiguration(
        connectTimeout: .seconds(10), lowSpeedTime: .seconds(60), totalTimeout: .seconds(300), maxResponseBytes: 64 << 20)
}
