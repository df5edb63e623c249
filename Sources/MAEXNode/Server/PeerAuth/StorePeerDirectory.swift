import MAEXCore
import MAEXStore

/// Membership as the store's trust state says (`NodeStore.standing(of:)`): the root and every node
/// holding a certificate that no revocation withdrew are members; a node whose certificates
/// are all withdrawn, or that is revoked from its next change set, is revoked; anyone else is
/// unknown (outside the network). An unrestricted store (tests) counts everyone a member.
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
        return try await executor.run { () throws -> PeerStanding in
            switch try store.standing(of: peer) {
            case .member: .member
            case .revoked: .revoked
            case .outside: .unknown
            }
        }
    }
}
