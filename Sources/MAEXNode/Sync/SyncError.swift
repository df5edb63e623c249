import MAEXClient
import MAEXStore

/// Why a sync round with a peer stopped before it completed. Everything applied before the
/// failure is durable; the next round continues from there.
public enum SyncError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The exchange with the peer failed.
    case peer(PeerError)
    /// The local store failed.
    case store(StoreError)
    /// The peer's answer cannot be used (e.g. an author id that is not a node id).
    case invalidAnswer(peer: String, detail: String)
    /// A pull made no progress: the peer keeps sending change sets this node cannot place.
    case stalled(peer: String, detail: String)
    /// The round was cancelled (shutdown).
    case cancelled(peer: String)
    /// The peer belongs to another network (realm): nothing it holds is valid here.
    case foreignRealm(peer: String, realm: String, expected: String)

    /// Whether a later round may succeed without anyone changing anything.
    public var isTransient: Bool {
        switch self {
        case .peer(let error): error.isTransient
        case .store, .invalidAnswer, .stalled, .cancelled, .foreignRealm: false
        }
    }

    public var description: String {
        switch self {
        case .peer(let error): error.description
        case .store(let error): "local store: \(error.description)"
        case .invalidAnswer(let peer, let detail): "peer \(peer) sent an unusable answer: \(detail)"
        case .stalled(let peer, let detail): "sync with peer \(peer) stalled: \(detail)"
        case .cancelled(let peer): "sync with peer \(peer) was cancelled"
        case .foreignRealm(let peer, let realm, let expected):
            "peer \(peer) belongs to network \(realm), this node to \(expected): not syncing with it"
        }
    }
}
