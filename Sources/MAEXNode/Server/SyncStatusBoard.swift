import Foundation
import Synchronization

/// What the replicator last saw of each peer and whether the node's own head is confirmed, for
/// `/metrics` (`maex_sync_*` and `maex_node_own_head_unconfirmed`).
///
/// `serve` records every round (the replicator's `onRound`); the metrics controller reads a
/// snapshot at each scrape.
public final class SyncStatusBoard: Sendable {
    /// One peer's record.
    public struct PeerStatus: Sendable, Equatable {
        /// When a round last succeeded (Unix seconds), `nil` when none did yet.
        public var lastSuccess: Double?
        /// Failed rounds since the last success.
        public var consecutiveFailures: Int
    }

    private let state: Mutex<(peers: [String: PeerStatus], ownHeadUnconfirmed: Bool)>

    /// A board for `peers` (each listed from the start, before its first round).
    public init(peers: [String], ownHeadUnconfirmed: Bool = false) {
        state = Mutex((Dictionary(uniqueKeysWithValues: peers.map { ($0, PeerStatus(lastSuccess: nil, consecutiveFailures: 0)) }), ownHeadUnconfirmed))
    }

    /// Records a round with `peer` that ended at `seconds` (Unix time).
    public func record(peer: String, succeeded: Bool, at seconds: Double = Date().timeIntervalSince1970) {
        state.withLock { state in
            var status = state.peers[peer] ?? PeerStatus(lastSuccess: nil, consecutiveFailures: 0)
            if succeeded {
                status.lastSuccess = seconds
                status.consecutiveFailures = 0
            } else {
                status.consecutiveFailures += 1
            }
            state.peers[peer] = status
        }
    }

    /// Records that the node's own head is confirmed (or not).
    public func setOwnHeadUnconfirmed(_ unconfirmed: Bool) {
        state.withLock { $0.ownHeadUnconfirmed = unconfirmed }
    }

    /// The peers' records and the own-head flag.
    public func snapshot() -> (peers: [String: PeerStatus], ownHeadUnconfirmed: Bool) {
        state.withLock { $0 }
    }
}
