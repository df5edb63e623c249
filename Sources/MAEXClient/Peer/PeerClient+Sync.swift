import MAEXWire

extension PeerClient {
    /// The API paths this client calls.
    public enum Path {
        /// `GET`: who the node is.
        public static let node = "/v1/node"
        /// `GET`: the state digest.
        public static let digest = "/v1/digest"
        /// `GET`: the node's version vector.
        public static let vector = "/v1/sync/vector"
        /// `POST`: change sets the caller lacks.
        public static let pull = "/v1/sync/pull"
        /// `POST`: change sets for the node to store.
        public static let push = "/v1/sync/push"
    }

    /// `GET /v1/node`: the peer's id, name, role, scope, realm and version.
    public func nodeInfo() async throws(PeerError) -> PeerReply<NodeInfo> {
        try await get(Path.node)
    }

    /// `GET /v1/sync/vector`: for each author, the highest sequence the peer holds and its id.
    public func vector() async throws(PeerError) -> PeerReply<VectorResponse> {
        try await get(Path.vector)
    }

    /// `POST /v1/sync/pull`: the change sets the caller lacks given its vector, and the peer's heads.
    public func pull(_ request: PullRequest) async throws(PeerError) -> PeerReply<PullResponse> {
        let reply: PeerReply<PullResponse> = try await post(Path.pull, request, idempotent: true)
        if reply.value.more, reply.value.changesets.isEmpty {
            throw .protocolViolation(peer: peer.description, detail: "a pull answer says more follows but holds no change set")
        }
        return reply
    }

    /// `POST /v1/sync/push`: sends change sets; the peer answers each after its commit.
    /// - Throws: `PeerError.protocolViolation` when the answer does not hold one result per
    ///   change set sent.
    public func push(_ changesets: [WireChangeSet], proofs: [WireForkProof] = []) async throws(PeerError) -> PeerReply<PushResponse> {
        let request = PushRequest(changesets: changesets, proofs: proofs.isEmpty ? nil : proofs)
        let reply: PeerReply<PushResponse> = try await post(Path.push, request, idempotent: true)
        guard reply.value.results.count == changesets.count else {
            throw .protocolViolation(
                peer: peer.description,
                detail: "pushed \(changesets.count) change sets but got \(reply.value.results.count) results")
        }
        return reply
    }
}
