import Logging
import MAEXClient
import MAEXStore
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
        limits: SyncLimits = .standard, logger: Logger,
        random: @escaping @Sendable () -> Double = { Double.random(in: 0..<1) },
        onRound: (@Sendable (PeerURL, Result<SyncSummary, SyncError>) -> Void)? = nil
    ) {
        self.store = store
        self.peers = peers
        self.interval = interval
        self.backoff = backoff
        self.limits = limits
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
        logger.info("replication stopped")
    }

    /// The loop for one peer.
    func replicate(with client: PeerClient) async {
        var logger = self.logger
        logger[metadataKey: "peer.url"] = "\(client.peer.description)"
        var failures = 0
        while !Task.isCancelled {
            let wait: Duration
            do {
                let summary = try await SyncRound(store: store, client: client, limits: limits, logger: logger).run()
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
                if case .cancelled = error { return }
                failures += 1
                wait = backoff.delay(afterFailures: failures, unit: random())
                // Say it once loudly, then quietly while the peer stays down.
                logger.log(
                    level: failures == 1 ? .warning : .debug, "sync round failed",
                    metadata: ["error": "\(error)", "sync.failures": "\(failures)", "sync.retry_ms": "\(wait.components.seconds * 1000)"])
                onRound?(client.peer, .failure(error))
            }
            do {
                try await Task.sleep(for: wait)
            } catch {
                return
            }
        }
    }
}
