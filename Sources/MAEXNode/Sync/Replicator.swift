import Logging
import MAEXClient
import MAEXCore
import MAEXStore
import MAEXWire
import ServiceLifecycle

/// The replication service of a serving node: one loop per peer running a `SyncRound` every
/// `interval`, backing off exponentially (with jitter) while a peer is down.
///
/// Runs in the node's `ServiceGroup` beside the HTTP server. On graceful shutdown the loops
/// stop: a running round is cancelled between batches (what it applied is durable, and the
/// next start continues from there).
public struct Replicator: Service {
    /// The local store.
    public let store: NodeStore
    /// The peers, one loop each.
    public let peers: [PeerClient]
    /// The time between successful rounds with a peer.
    public let interval: Duration
    /// The waits after failed rounds.
    public let backoff: SyncBackoff
    /// Batch bounds of each round.
    public let limits: SyncLimits
    /// Pull only the change sets of these authors (see `SyncRound.authors`); `nil` pulls all.
    public let authors: Set<NodeID>?
    private let logger: Logger
    private let random: @Sendable () -> Double
    private let onRound: (@Sendable (PeerURL, Result<SyncSummary, SyncError>) -> Void)?

    /// Creates the service.
    ///
    /// - Parameters:
    ///   - random: a uniform number in `[0, 1)` for the back-off jitter (tests inject one).
    ///   - onRound: called after every round with its summary or error (tests and the CLI).
    public init(
        store: NodeStore, peers: [PeerClient], interval: Duration, backoff: SyncBackoff = SyncBackoff(),
        limits: SyncLimits = .standard, authors: Set<NodeID>? = nil, logger: Logger,
        random: @escaping @Sendable () -> Double = { Double.random(in: 0..<1) },
        onRound: (@Sendable (PeerURL, Result<SyncSummary, SyncError>) -> Void)? = nil
    ) {
        self.store = store
        self.peers = peers
        self.interval = interval
        self.backoff = backoff
        self.limits = limits
        self.authors = authors
        self.logger = logger
        self.random = random
        self.onRound = onRound
    }

    /// Runs the loops until graceful shutdown or cancellation.
    public func run() async throws {
        guard !peers.isEmpty else {
            // Nothing to do, but a service that returns early would stop the group.
            try? await gracefulShutdown()
            return
        }
        logger.info("replicating", metadata: ["sync.peers": "\(peers.map(\.peer.description))", "sync.interval": "\(interval)"])
        await cancelWhenGracefulShutdown {
            await withTaskGroup(of: Void.self) { group in
                for client in peers {
                    group.addTask { await replicate(with: client) }
                }
            }
        }
        // Loops only end early for peers of another network: keep the service (and so the
        // node) running until it is shut down.
        if !Task.isCancelled { try? await gracefulShutdown() }
        logger.info("replication stopped")
    }

    /// The loop for one peer.
    func replicate(with client: PeerClient) async {
        var logger = self.logger
        logger[metadataKey: "peer.url"] = "\(client.peer.description)"
        var failures = 0
        var realmChecked = false
        while !Task.isCancelled {
            let wait: Duration
            do throws(SyncError) {
                if !realmChecked {
                    try await checkRealm(of: client)
                    realmChecked = true
                }
                let summary = try await SyncRound(store: store, client: client, limits: limits, authors: authors, logger: logger).run()
                if failures > 0 { logger.info("peer reachable again", metadata: ["sync.failures": "\(failures)"]) }
                failures = 0
                if summary.isNoOp {
                    logger.trace("in sync with peer")
                } else {
                    logger.info("synced with peer", metadata: ["sync.summary": "\(summary)"])
                }
                onRound?(client.peer, .success(summary))
                wait = interval
            } catch {
                switch error {
                case .cancelled:
                    return
                case .foreignRealm:
                    // A URL into another network is a configuration error, not worth retrying.
                    logger.error("not syncing with this peer", metadata: ["error": "\(error)"])
                    onRound?(client.peer, .failure(error))
                    return
                default:
                    failures += 1
                    wait = backoff.delay(afterFailures: failures, unit: random())
                    // Say it once loudly, then quietly while the peer stays down.
                    logger.log(
                        level: failures == 1 ? .warning : .debug, "sync round failed",
                        metadata: ["error": "\(error)", "sync.failures": "\(failures)", "sync.retry_ms": "\(wait.wholeMilliseconds)"])
                    onRound?(client.peer, .failure(error))
                }
            }
            do {
                try await Task.sleep(for: wait)
            } catch {
                return
            }
        }
    }

    /// Asks the peer who it is (once per peer and process): its realm must be this node's.
    private func checkRealm(of client: PeerClient) async throws(SyncError) {
        let info: MAEXWire.NodeInfo
        do {
            info = try await client.nodeInfo().value
        } catch {
            if case .transport(.cancelled) = error { throw .cancelled(peer: client.peer.description) }
            throw .peer(error)
        }
        guard info.realm == store.realm else {
            throw .foreignRealm(peer: client.peer.description, realm: info.realm, expected: store.realm)
        }
    }
}
