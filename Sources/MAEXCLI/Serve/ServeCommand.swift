import ArgumentParser
import Foundation
import Logging
import MAEXClient
import MAEXCore
import MAEXNode
import MAEXStore
import struct MAEXWire.RequestSigner
import ServiceLifecycle
import UnixSignals

/// `maex-node serve`: the HTTP server and the replicator in one service group.
struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Run the node: serve its HTTP API and sync with its peers until stopped.",
        discussion: """
            Serves the node's register and the sync protocol, and runs a sync round with every \
            peer each --sync-interval seconds (backing off while a peer is down). Stops \
            gracefully on SIGINT (Ctrl-C) or SIGTERM. While it runs, it alone writes to the data \
            folder: commands that write to it (initiative add, sync, ...) are refused.

            With --config, the file (see nodes/*.toml) gives the folder, listen address, peers, \
            interval and author filter, and options given on the command line override it; when the folder \
            holds no node yet, one is created from the file's name, role, scope and realm.

            With --author (or `authors = [...]` in the file's [sync] table) the node pulls only \
            the change sets of those authors: it then holds only their change sets (plus its \
            own), for example a municipality that keeps only its province's authors. A change \
            set that depends on another author's change set waits as pending until that one \
            arrives (it does not, while that author is filtered out).

            With --tls-cert and --tls-key (or the file's [tls] cert and key) the node serves \
            HTTPS itself. Peers with https:// URLs are always verified: against the system CA \
            store, --peer-ca-file, or the file's [tls] ca_file and [[tls.peer]] settings.

            Examples:
              maex-node serve --data ./vlissingen --listen 127.0.0.1:8083 --peer http://127.0.0.1:8082/
              maex-node serve --config nodes/zeeland.toml --tls-cert /etc/maex/node.crt --tls-key /etc/maex/node.key
              maex-node serve --config nodes/zeeland.toml
              maex-node serve --config nodes/vlissingen.toml --author <node id>
            """
    )

    @Option(help: ArgumentHelp("A node configuration file (TOML).", valueName: "file"))
    var config: String?

    @Option(help: ArgumentHelp("The node's data folder (default ./maex-data).", valueName: "dir"))
    var data: String?

    @Option(help: ArgumentHelp("The address to listen on (default 127.0.0.1:8080).", valueName: "host:port"))
    var listen: String?

    @Option(name: .customLong("peer"), help: ArgumentHelp("A peer's base URL (repeat for several).", valueName: "url"))
    var peers: [String] = []

    @Option(help: ArgumentHelp("Seconds between sync rounds with each peer (default 30).", valueName: "seconds"))
    var syncInterval: Double?

    @Option(
        name: .customLong("author"),
        help: ArgumentHelp("Pull only this author's change sets (a node id; repeat for several; default: all).", valueName: "id"))
    var authors: [String] = []

    @Option(help: ArgumentHelp("The network's root (the national node's id) for a node created from --config.", valueName: "id"))
    var root: String?

    @Option(help: ArgumentHelp("Serve HTTPS with this PEM certificate chain (with --tls-key).", valueName: "file"))
    var tlsCert: String?

    @Option(help: ArgumentHelp("The PEM private key of --tls-cert.", valueName: "file"))
    var tlsKey: String?

    @Option(help: ArgumentHelp("Check https:// peers against this CA file (PEM) instead of the system store.", valueName: "file"))
    var peerCAFile: String?

    @Flag(help: .hidden)
    var exitWithParent = false

    /// The most change sets per pull request (tests use small batches to interrupt a transfer).
    @Option(help: .hidden)
    var pullCount: Int?

    func run() throws {
        var settings = try ServeSettings(
            config: config, data: data, listen: listen, peers: peers, syncInterval: syncInterval, authors: authors, root: root)
        try settings.applyTLS(cert: tlsCert, key: tlsKey, peerCAFile: peerCAFile)
        var logger = CLILogging.logger
        if ProcessInfo.processInfo.environment["MAEX_LOG_LEVEL"] == nil { logger.logLevel = .info }
        let directory = try Self.openOrCreate(settings)
        let lock = try ServeLock.serve(directory)
        let store = try directory.openStore(logger: logger)
        var server = NodeServerConfiguration(host: settings.listen.host, port: settings.listen.port)
        server.serverName = "maex-node"
        server.peerAuth = settings.peerAuth
        server.openDataLicence = settings.file?.openDataLicence ?? .ccBy40
        server.partners = settings.file?.partners ?? []
        if let cert = settings.tls.certificateFile, let key = settings.tls.privateKeyFile {
            server.tls = try ServerTLS(certificateFile: cert, privateKeyFile: key, http1: server.http1Channel)
        }
        let clients = try settings.peers.map { peer throws(ClientError) in
            var transport = Self.peerTransport
            transport.tls = settings.tls.tls(for: peer)
            return PeerClient(
                transport: try HTTPTransport(
                    peer: peer, configuration: transport, logger: logger, signer: RequestSigner(key: directory.signingKey)))
        }
        var limits = SyncLimits.standard
        if let pullCount { limits.pullCount = max(1, pullCount) }
        // The node's own change sets always count among the authors it holds.
        let authors = settings.authors.map { $0.union([directory.nodeID]) }
        let board = SyncStatusBoard(peers: settings.peers.map(\.description), ownHeadUnconfirmed: directory.restoreMarker() != nil)
        let replicator = Replicator(
            store: store, peers: clients, interval: settings.syncInterval, limits: limits, authors: authors, logger: logger,
            onRound: Self.recordingRounds(board, confirming: directory, logger: logger))
        let info = directory.info
        let host = settings.listen
        let servesTLS = server.tls != nil
        var served = ServedNode(directory: directory, store: store)
        served.author = directory.makeAuthor(store: store, logger: logger)
        served.syncStatus = board
        served.admin = AdminAccess(token: try AdminToken.ensure(in: directory.url), allowRemote: settings.allowRemoteAdmin)
        served.privacy = settings.file?.privacy ?? .unset
        let app = buildApplication(
            configuration: server, node: served, logger: logger,
            onServerRunning: { port in
                var url = ListenAddress(host: host.host, port: port).localURL
                if servesTLS, url.hasPrefix("http://") { url = "https://" + url.dropFirst("http://".count) }
                Console.line("maex-node: \(info.name) (\(info.role) \(info.scope.joined(separator: ","))) serves \(url)")
            })
        var services: [any Service] = [app, replicator]
        if exitWithParent { services.append(ParentWatch(parent: getppid())) }
        let group = ServiceGroup(
            configuration: ServiceGroupConfiguration(services: services, gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
        try AsyncBridge.run { try await group.run() }
        withExtendedLifetime(lock) {}
        Console.line("maex-node: \(info.name) stopped")
    }

    /// Records every round on the board; after a restore (`restored.json`), the first
    /// successful round also clears the mark: the node has pulled its own chain back from that
    /// peer and may author again.
    static func recordingRounds(
        _ board: SyncStatusBoard, confirming directory: NodeDirectory, logger: Logger
    ) -> @Sendable (PeerURL, Result<SyncSummary, SyncError>) -> Void {
        if let marker = directory.restoreMarker() {
            logger.warning(
                "restored from a backup: edits are refused until a sync round with a peer succeeded",
                metadata: ["backup.path": "\(marker.backup)", "backup.own_seq": "\(marker.ownSeq)"])
        }
        return { peer, result in
            guard case .success = result else {
                board.record(peer: peer.description, succeeded: false)
                return
            }
            board.record(peer: peer.description, succeeded: true)
            do {
                if try directory.confirmOwnHead() {
                    board.setOwnHeadUnconfirmed(false)
                    logger.notice("own head confirmed after a restore; edits allowed again", metadata: ["peer.url": "\(peer.description)"])
                }
            } catch {
                logger.error("cannot clear the restore mark", metadata: ["error": "\(error)"])
            }
        }
    }

    /// Patient enough for large batches, quick to notice a peer that is down.
    static let peerTransport = HTTPTransportConfiguration(
        connectTimeout: .seconds(5), lowSpeedTime: .seconds(30), totalTimeout: .seconds(120), maxResponseBytes: 64 << 20,
        retry: RetryPolicy(maxAttempts: 2, baseDelay: .milliseconds(200), maxDelay: .seconds(2)))

    /// Opens the node in the data folder; with a configuration file, creates it on first start.
    static func openOrCreate(_ settings: ServeSettings) throws -> NodeDirectory {
        let url = URL(fileURLWithPath: settings.dataPath)
        let infoPath = url.appendingPathComponent(NodeDirectory.infoFileName).path
        guard let file = settings.file, !FileManager.default.fileExists(atPath: infoPath) else {
            let directory = try NodeDirectory.open(at: url)
            if let file = settings.file { warnIfDifferent(directory.info, file) }
            return directory
        }
        let directory = try NodeDirectory.create(
            at: url, name: file.name, role: file.role, scope: file.scope, realm: file.realm, root: file.role == .national ? nil : settings.root)
        Console.line("maex-node: created node \(directory.nodeID.hex) in \(url.path)")
        return directory
    }

    /// The folder's `node.json` is who the node is; a configuration that says otherwise is
    /// probably meant for another folder.
    private static func warnIfDifferent(_ info: NodeInfo, _ file: NodeConfiguration) {
        var differences: [String] = []
        if info.name != file.name { differences.append("name \"\(info.name)\" (file: \"\(file.name)\")") }
        if info.role != file.role { differences.append("role \(info.role) (file: \(file.role))") }
        if info.scope != file.scope.sorted() { differences.append("scope \(info.scope) (file: \(file.scope))") }
        if info.realm != file.realm { differences.append("realm \(info.realm) (file: \(file.realm))") }
        guard !differences.isEmpty else { return }
        Console.error("maex-node: warning: the data folder's node.json differs from the configuration: "
            + differences.joined(separator: ", ") + "; serving the folder's node")
    }
}
