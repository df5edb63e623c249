import MAEXCore
import MAEXStore

/// The interim directory until federation trust decides membership: the node itself and every
/// author whose change sets the store holds are members; everyone else is unknown.
///
/// A new node becomes known once its first change sets reach this node by another path, or,
/// while `PeerAuthConfiguration.admitsUnknownPeers` is on (the default), by pushing them itself.
public struct StorePeerDirectory: PeerDirectory {
    /// The node served.
    public let node: NodeID
    private let store: NodeStore
    private let executor: BlockingExecutor

    /// A directory over `store`, the store of node `node`.
    public init(node: NodeID, store: NodeStore) {
        self.init(node: node, store: store, executor: BlockingExecutor(label: "maex.server.peers"))
    }

    init(node: NodeID, store: NodeStore, executor: BlockingExecutor) {
        self.node = node
        self.store = store
        self.executor = executor
    }

    public func standing(of peer: NodeID) async throws -> PeerStanding {
        if peer == node { return .member }
        let store = self.store
        let held = try await executor.run { try store.vector()[peer] != nil }
        return held ? .member : .unknown
    }
}
