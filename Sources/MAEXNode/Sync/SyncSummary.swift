import MAEXClient
import MAEXCore

/// What one sync round with one peer moved.
public struct SyncSummary: Sendable, Hashable {
    /// The peer's base URL.
    public var peer: String
    /// Change sets received from the peer.
    public var pulled = 0
    /// Of those: applied (also those held as retracted: they are in the log).
    public var stored = 0
    /// Of those: already held.
    public var duplicate = 0
    /// Of those: waiting for change sets this node lacks.
    public var pending = 0
    /// Of those: refused, with the reasons in `rejections`.
    public var rejected = 0
    /// Of those: a second change set at an author's sequence (kept as evidence).
    public var forks = 0
    /// Fork proofs from the peer that taught this node a fork.
    public var forkProofs = 0
    /// Fork proofs sent to the peer.
    public var proofsPushed = 0
    /// Pull passes: 1, or more when pending change sets waited for change sets the peer holds.
    public var pullPasses = 0
    /// Change sets still pending in the store after the round (waiting for change sets of
    /// other peers, or of authors this round did not pull).
    public var stillPending = 0
    /// Change sets sent to the peer.
    public var pushed = 0
    /// Of those: stored by the peer (also those it holds as retracted: they are in its log).
    public var pushStored = 0
    /// Of those: already held by the peer.
    public var pushDuplicate = 0
    /// Of those: held back by the peer until it has their dependencies.
    public var pushPending = 0
    /// Of those: refused by the peer (its reasons are in `rejections`).
    public var pushRejected = 0
    /// Pull requests made.
    public var pullRequests = 0
    /// Push requests made.
    public var pushRequests = 0
    /// The wire traffic of the round.
    public var traffic = PeerTraffic.zero
    /// Up to ten refusals, each `change-set id: reason`, ours and the peer's.
    public var rejections: [String] = []
    /// How long the round took.
    public var duration: Duration = .zero

    /// An empty summary for `peer`.
    public init(peer: String) {
        self.peer = peer
    }

    /// Whether nothing moved either way.
    public var isNoOp: Bool { pulled == 0 && pushed == 0 }

    /// Notes a refusal, keeping the first ten.
    mutating func noteRejection(_ text: String) {
        if rejections.count < 10 { rejections.append(text) }
    }
}

extension SyncSummary: CustomStringConvertible {
    /// One line: what came in, what went out, bytes and time.
    public var description: String {
        let milliseconds = duration.wholeMilliseconds
        var text = "\(peer): pulled \(pulled) (stored \(stored), duplicate \(duplicate), pending \(pending), rejected \(rejected + forks))"
        text += ", pushed \(pushed) (stored \(pushStored), duplicate \(pushDuplicate), pending \(pushPending), rejected \(pushRejected))"
        text += "; \(traffic.requests) requests, \(traffic.requestBytes) bytes out, \(traffic.responseBytes) bytes in, \(milliseconds) ms"
        if forkProofs > 0 || proofsPushed > 0 { text += "; fork proofs learnt \(forkProofs), sent \(proofsPushed)" }
        if pullPasses > 1 { text += "; pulled in \(pullPasses) passes (pending change sets waited for change sets the peer holds)" }
        if stillPending > 0 { text += "; \(stillPending) change sets still pending (waiting for change sets this peer does not hold)" }
        return text
    }
}
