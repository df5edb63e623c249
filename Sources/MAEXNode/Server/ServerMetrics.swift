import Foundation
import MAEXCore
import Metrics
import Prometheus

/// The server's metrics, recorded through swift-metrics into a Prometheus registry of its own
/// (one per application, so several nodes in one process, as in tests, keep separate counts;
/// nothing is bootstrapped globally).
final class ServerMetrics: Sendable {
    /// Where the metrics live; `render()` writes its text format.
    let registry: PrometheusCollectorRegistry
    private let factory: PrometheusMetricsFactory

    init() {
        registry = PrometheusCollectorRegistry()
        var factory = PrometheusMetricsFactory(registry: registry)
        factory.defaultDurationHistogramBuckets = [
            .microseconds(500), .milliseconds(1), .milliseconds(5), .milliseconds(10), .milliseconds(25),
            .milliseconds(50), .milliseconds(100), .milliseconds(250), .milliseconds(500), .seconds(1), .seconds(5),
        ]
        self.factory = factory
    }

    /// Counts one answered request and records how long it took.
    func requestCompleted(route: String, method: String, status: Int, nanoseconds: UInt64) {
        Counter(
            label: "maex_http_requests_total", dimensions: [("route", route), ("method", method), ("status", String(status))],
            factory: factory
        ).increment()
        Metrics.Timer(label: "maex_http_request_duration_seconds", dimensions: [("route", route), ("method", method)], factory: factory)
            .recordNanoseconds(Int64(clamping: nanoseconds))
    }

    /// Counts the outcomes of received change sets (`stored`, `duplicate`, `pending`,
    /// `rejected`, `fork`).
    func received(_ outcomes: [ReceiveOutcome]) {
        var counts: [String: Int] = [:]
        for outcome in outcomes { counts[outcome.code, default: 0] += 1 }
        for (code, count) in counts {
            Counter(label: "maex_changesets_received_total", dimensions: [("outcome", code)], factory: factory).increment(by: count)
        }
    }

    /// Counts change sets sent in pull answers.
    func served(_ count: Int) {
        guard count > 0 else { return }
        Counter(label: "maex_changesets_served_total", dimensions: [], factory: factory).increment(by: count)
    }

    /// Records the size of the store, read when metrics are scraped.
    func storeSize(changeSets: Int, pending: Int, fileBytes: Int64) {
        Gauge(label: "maex_store_changesets", dimensions: [], factory: factory).record(changeSets)
        Gauge(label: "maex_store_pending_changesets", dimensions: [], factory: factory).record(pending)
        Gauge(label: "maex_store_file_bytes", dimensions: [], factory: factory).record(fileBytes)
    }

    /// Records what an operator alerts on, read when metrics are scraped: authors that forked,
    /// the replicator's last success and failures per peer, and a restored node's own-head flag.
    func health(forkedAuthors: Int, sync: (peers: [String: SyncStatusBoard.PeerStatus], ownHeadUnconfirmed: Bool)?) {
        Gauge(label: "maex_store_forked_authors", dimensions: [], factory: factory).record(forkedAuthors)
        guard let sync else { return }
        Gauge(label: "maex_node_own_head_unconfirmed", dimensions: [], factory: factory).record(sync.ownHeadUnconfirmed ? 1 : 0)
        for (peer, status) in sync.peers {
            Gauge(label: "maex_sync_consecutive_failures", dimensions: [("peer", peer)], factory: factory).record(status.consecutiveFailures)
            if let last = status.lastSuccess {
                Gauge(label: "maex_sync_last_success_timestamp_seconds", dimensions: [("peer", peer)], factory: factory).record(last)
            }
        }
    }

    /// The Prometheus text format of every metric.
    func render() -> [UInt8] { registry.emitToBuffer() }
}
