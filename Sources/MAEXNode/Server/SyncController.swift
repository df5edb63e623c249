import Hummingbird
import Logging
import MAEXCore
import MAEXStore
import MAEXWire

/// `GET /v1/sync/vector`, `POST /v1/sync/pull` and `POST /v1/sync/push`: anti-entropy.
struct SyncController: Sendable {
    let dependencies: ServerDependencies

    /// Registers the sync endpoints behind the peer authentication middleware.
    func addRoutes<Context: RequestContext>(to router: Router<Context>) {
        let guarded = router.group().add(middleware: PeerAuthMiddleware<Context>(dependencies))
        guarded.on(RouteCatalog.vector) { _, _ in try await vector() }
        guarded.on(RouteCatalog.pull) { request, _ in try await pull(request) }
        guarded.on(RouteCatalog.push) { request, _ in try await push(request) }
    }

    func vector() async throws -> Response {
        let heads = try await dependencies.withStore { try $0.vector() }
        return try JSONResponse.make(VectorResponse(node: dependencies.node.nodeID.hex, heads: Self.wire(heads)))
    }

    /// Answers the change sets the caller lacks, per author in sequence order, bounded by count
    /// and bytes; `more` tells the caller to pull again with its updated vector.
    func pull(_ request: Request) async throws -> Response {
        let asked = try await dependencies.bodyReader.decode(PullRequest.self, from: request)
        let plan = try PullPlan(
            asked, maxCount: dependencies.configuration.maxPullCount, maxBytes: dependencies.configuration.maxPullBytes)
        let (body, count) = try await dependencies.withStore { store in
            let heads = try store.vector()
            let forks = try store.forkedAuthors()
            let proofs = try store.forkProofs(lacking: plan.knownForks, limit: WireForkProof.maxPerMessage)
            let batch = try store.storedChangeSets(
                missingFrom: plan.vector, authors: plan.authors, skipping: plan.knownForks, maxCount: plan.maxCount,
                maxBytes: plan.maxBytes)
            let changeSets = batch.items.map {
                WireChangeSet(body: String(decoding: $0.body, as: UTF8.self), sig: Base64.encode($0.signature))
            }
            let answer = PullResponse(
                heads: Self.wire(heads), changesets: changeSets, more: batch.more,
                forks: forks.isEmpty ? nil : Self.wire(forks), proofs: proofs.isEmpty ? nil : proofs.map(WireForkProof.init))
            return (try JSONResponse.encode(answer), changeSets.count)
        }
        dependencies.metrics.served(count)
        return JSONResponse.raw(body)
    }

    /// Stores pushed change sets and answers each on its own, after the store committed them.
    func push(_ request: Request) async throws -> Response {
        let pushed = try await dependencies.bodyReader.decode(PushRequest.self, from: request)
        let limit = dependencies.configuration.maxPushCount
        guard pushed.changesets.count <= limit else {
            throw APIError(
                .contentTooLarge, code: "too_many_changesets",
                message: "a push holds at most \(limit) change sets; this one holds \(pushed.changesets.count)")
        }
        let clock = dependencies.node.wallClock
        let proofs = try Self.evidence(pushed.proofs ?? [], realm: dependencies.node.store.realm, now: clock())
        let raw = pushed.changesets.map(\.raw)
        let results = try await dependencies.withStore { store in
            try store.recordForkProofs(proofs, nowMilliseconds: clock())
            return try store.receive(raw: raw, nowMilliseconds: clock())
        }
        dependencies.metrics.received(results.map(\.outcome))
        let rejected = results.count { if case .rejected = $0.outcome { true } else { false } }
        if rejected > 0 {
            dependencies.logger.info(
                "push refused change sets", metadata: ["push.count": "\(results.count)", "push.rejected": "\(rejected)"])
        }
        return try JSONResponse.make(PushResponse(results: results.map { Self.wire(id: $0.id, outcome: $0.outcome) }))
    }

    /// The pushed fork proofs, opened; one that proves nothing refuses the whole push (400).
    static func evidence(_ proofs: [WireForkProof], realm: String, now: Int64) throws -> [ForkEvidence] {
        guard proofs.count <= WireForkProof.maxPerMessage else {
            throw APIError(
                .contentTooLarge, code: "too_many_proofs", message: "a push holds at most \(WireForkProof.maxPerMessage) fork proofs")
        }
        do {
            return try proofs.map { proof throws(ForkProofError) in try proof.evidence(realm: realm, now: now) }
        } catch {
            throw APIError(.badRequest, code: "invalid_proof", message: error.description)
        }
    }

    static func wire(_ forks: [NodeID: Int64]) -> [String: Int64] {
        Dictionary(uniqueKeysWithValues: forks.map { ($0.key.hex, $0.value) })
    }

    static func wire(_ heads: [NodeID: AuthorHead]) -> [String: WireHead] {
        Dictionary(uniqueKeysWithValues: heads.map { ($0.key.hex, WireHead(seq: $0.value.seq, id: $0.value.id.hex)) })
    }

    static func wire(id: ChangeSetID, outcome: ReceiveOutcome) -> PushResult {
        switch outcome {
        case .stored, .duplicate: PushResult(id: id.hex, status: PushStatus(outcome))
        case .pending(let missing):
            PushResult(id: id.hex, status: PushStatus(outcome), missing: missing.map { WireRef(author: $0.author.hex, seq: $0.seq) })
        case .rejected(let reason), .retracted(let reason): PushResult(id: id.hex, status: PushStatus(outcome), reason: reason)
        case .fork(let existing): PushResult(id: id.hex, status: PushStatus(outcome), existing: existing.hex)
        }
    }
}
