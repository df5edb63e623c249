import MAEXCore

/// Where a node stands in the network, as far as this node knows.
public enum PeerStanding: Sendable, Hashable {
    /// A member: its signed sync requests are served.
    case member
    /// Not known as a member (answered 403 unless unknown peers are admitted).
    case unknown
    /// Known and no longer a member: always answered 403.
    case revoked
}

/// Decides which nodes may push and pull: consulted for every request whose signature
/// verified. A served node uses `StorePeerDirectory`, federation trust as its store holds it
/// (certificates, revocations); `StaticPeerDirectory` is a fixed list.
public protocol PeerDirectory: Sendable {
    /// The standing of `node`.
    /// - Throws: when the decision cannot be made (the store failed); the request then fails
    ///   like any store failure.
    func standing(of node: NodeID) async throws -> PeerStanding
}

/// A fixed directory: the given members and revoked nodes, everyone else unknown (tests,
/// closed networks).
public struct StaticPeerDirectory: PeerDirectory {
    /// The members.
    public let members: Set<NodeID>
    /// The revoked nodes (revocation wins over membership).
    public let revoked: Set<NodeID>

    /// Creates a directory.
    public init(members: Set<NodeID>, revoked: Set<NodeID> = []) {
        self.members = members
        self.revoked = revoked
    }

    public func standing(of node: NodeID) async throws -> PeerStanding {
        if revoked.contains(node) { return .revoked }
        return members.contains(node) ? .member : .unknown
    }
}
