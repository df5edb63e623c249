import Logging
import MAEXClient
import MAEXCore
import MAEXStore
import MAEXWire

/// One sync round between this node's store and one peer: pull what this node lacks, then push
/// what the peer lacks.
///
/// - Pull: send the cursor (the store's vector), open the answer's change sets (parse and
///   verify, spread over the cores), store them in one transaction (durable before the batch
///   counts as received), advance the cursor, and repeat while the peer says `more`. The
///   answer carries the peer's heads, so no separate vector request is needed. The next pull
///   is already on its way, and its answer being verified, while the store writes the current
///   batch; at most two batches are in memory.
/// - Push: read from the log what the peer's heads lack, in batches bounded by count and bytes,
///   and send each batch verbatim; the peer answers every change set after its commit.
///
/// The round is resumable: the vector is the cursor, so after a crash or a cut link the next
/// round starts from the last committed batch, and nothing applied is applied again. A round
/// between two synced nodes is one pull request. What it does not do: remember change sets a
/// peer refused (the next round offers them again), or decide trust (the store does).
public struct SyncRound: Sendable {
    /// What a pull answer said of the peer: its heads and the forks it knows.
    struct PeerState {
        var heads: [String: WireHead]
        var forks: [String: Int64]?
    }

    /// The local store.
    public let store: NodeStore
    /// The peer.
    public let client: PeerClient
    /// Batch bounds.
    public var limits: SyncLimits
    /// Pull only the change sets of these authors (a node that holds a part of the network);
    /// `nil` pulls everything.
    public var authors: Set<NodeID>?
    /// Whether to push what the peer lacks after pulling.
    public var pushes: Bool
    let logger: Logger
    let wallClock: @Sendable () -> Int64
    private let progress: (@Sendable (SyncProgress) -> Void)?

    /// Creates a round.
    ///
    /// - Parameters:
    ///   - wallClock: the local wall clock in milliseconds (for the store's clock-drift check).
    ///   - progress: called after every batch (from the round's task).
    public init(
        store: NodeStore, client: PeerClient, limits: SyncLimits = .standard, authors: Set<NodeID>? = nil,
        pushes: Bool = true, logger: Logger,
        wallClock: @escaping @Sendable () -> Int64 = SyncRound.systemMilliseconds,
        progress: (@Sendable (SyncProgress) -> Void)? = nil
    ) {
        self.store = store
        self.client = client
        self.limits = limits
        self.authors = authors
        self.pushes = pushes
        var logger = logger
        logger[metadataKey: "peer.url"] = "\(client.peer.description)"
        self.logger = logger
        self.wallClock = wallClock
        self.progress = progress
    }

    /// The system wall clock in milliseconds since the Unix epoch.
    @Sendable public static func systemMilliseconds() -> Int64 { LocalAuthor.systemMilliseconds() }

    /// The peer's base URL.
    var peer: String { client.peer.description }

    /// Runs the round.
    /// - Throws: `SyncError`; what was applied before the failure stays applied.
    public func run() async throws(SyncError) -> SyncSummary {
        let started = ContinuousClock.now
        var summary = SyncSummary(peer: peer)
        var forks = try await storeCall { [store] () throws(StoreError) in try store.forkedAuthors() }
        let answer = try await pullPasses(&forks, &summary)
        try await exchangeForkEvidence(answer.heads, &summary)
        if pushes {
            let peerForks = try Self.parseForks(answer.forks, peer: peer)
            try await pushAll(to: try Self.parseHeads(answer.heads, peer: peer), peerForks: peerForks, &summary)
        }
        summary.stillPending = try await storeCall { [store] () throws(StoreError) in try store.pendingCount() }
        summary.duration = ContinuousClock.now - started
        logger.debug(
            "sync round done",
            metadata: [
                "sync.pulled": "\(summary.pulled)", "sync.pushed": "\(summary.pushed)",
                "sync.requests": "\(summary.traffic.requests)", "sync.bytes_in": "\(summary.traffic.responseBytes)",
                "sync.bytes_out": "\(summary.traffic.requestBytes)",
            ])
        return summary
    }

    // MARK: Pull

    /// The most pull passes of one round (see `pullPasses`).
    static let maxPullPasses = 8

    /// Pulls until the peer has nothing more (`pullAll`), and again from what the store holds
    /// while change sets are still pending for want of change sets the peer holds and the last
    /// pass applied something: a peer whose pages are not in a causal order (an older node)
    /// can leave them so. A peer in log order never needs a second pass.
    private func pullPasses(_ forks: inout [NodeID: Int64], _ summary: inout SyncSummary) async throws(SyncError) -> PeerState {
        var passes = 0
        while true {
            let heads = try await storeCall { [store] () throws(StoreError) in try store.vector() }
            var cursor = SyncCursor(heads.mapValues(\.seq))
            let storedBefore = summary.stored
            let answer = try await pullAll(&cursor, &forks, &summary)
            passes += 1
            summary.pullPasses = passes
            guard passes < Self.maxPullPasses, summary.stored > storedBefore || passes == 1,
                try await waitsForPeer(try Self.parseHeads(answer.heads, peer: peer))
            else { return answer }
            logger.info("change sets still wait for change sets the peer holds; pulling again", metadata: ["sync.pass": "\(passes + 1)"])
        }
    }

    /// Whether some pending change set waits for a change set the peer holds.
    private func waitsForPeer(_ peerHeads: [NodeID: Int64]) async throws(SyncError) -> Bool {
        let needs = try await storeCall { [store] () throws(StoreError) in try store.pendingNeeds() }
        return needs.contains { author, seq in
            (peerHeads[author] ?? 0) >= seq && (authors?.contains(author) ?? true)
        }
    }

    /// Pulls until the peer has nothing more; returns the peer's heads (sequence and id) and
    /// forks from its last answer.
    ///
    /// Pipelined: the next pull is sent (with the cursor the batch will reach, read from the
    /// change sets' canonical bodies) while the store applies the current batch, so the peer
    /// prepares batch n+1 while this node commits batch n. At most two batches are in memory.
    private func pullAll(
        _ cursor: inout SyncCursor, _ forks: inout [NodeID: Int64], _ summary: inout SyncSummary
    ) async throws(SyncError) -> PeerState {
        var peerHeads: [NodeID: Int64] = [:]
        var state = PeerState(heads: [:], forks: nil)
        var expected: Int?
        var inFlight: Task<OpenedBatch, any Error>? = startPull(cursor, forks: forks)
        defer { inFlight?.cancel() }
        while true {
            try checkCancellation()
            guard let running = inFlight else { return state }
            let opened = try await finish(running)
            let reply = opened.reply
            inFlight = nil
            summary.traffic += reply.traffic
            summary.pullRequests += 1
            peerHeads = try Self.parseHeads(reply.value.heads, peer: peer)
            state = PeerState(heads: reply.value.heads, forks: reply.value.forks)
            if expected == nil { expected = Int(cursor.lacking(from: peerHeads, authors: authors)) }
            try await learnProofs(reply.value.proofs ?? [], &forks, &summary)
            let batch = reply.value.changesets
            var predicted = cursor
            for item in batch {
                if let position = item.claimedPosition { predicted.advance(position.author, to: position.seq) }
            }
            if reply.value.more, predicted != cursor { inFlight = startPull(predicted, forks: forks) }
            if !batch.isEmpty {
                let before = cursor
                try await apply(opened, &cursor, &summary)
                cursor.advance(to: predicted.sequences)
                if reply.value.more, cursor == before {
                    throw .stalled(peer: peer, detail: "a batch of \(batch.count) change sets advanced nothing")
                }
            }
            report(.pull, done: summary.pulled, expected: expected ?? 0, summary)
            guard reply.value.more else { return state }
            if inFlight == nil { inFlight = startPull(cursor, forks: forks) }
        }
    }

    /// Sends a pull for what `cursor` lacks (naming the forks this node knows) and opens the
    /// answer's change sets; awaited with `finish`.
    private func startPull(_ cursor: SyncCursor, forks: [NodeID: Int64]) -> Task<OpenedBatch, any Error> {
        let request = PullRequest(
            vector: cursor.wire, maxCount: limits.pullCount, maxBytes: limits.pullBytes,
            authors: authors.map { $0.map(\.hex).sorted() }, forks: forks.isEmpty ? nil : SyncController.wire(forks))
        let client = self.client
        let realm = store.realm
        return Task {
            let reply = try await client.pull(request)
            return await BlockingExecutor.sync.run { () throws(Never) in OpenedBatch(reply, realm: realm) }
        }
    }

    /// Awaits a pull, passing on the caller's cancellation.
    private func finish(_ task: Task<OpenedBatch, any Error>) async throws(SyncError) -> OpenedBatch {
        do {
            return try await withTaskCancellationHandler { try await task.value } onCancel: { task.cancel() }
        } catch let error as PeerError {
            if case .transport(.cancelled) = error { throw .cancelled(peer: peer) }
            throw .peer(error)
        } catch {
            throw .cancelled(peer: peer)
        }
    }

    /// Stores one opened batch (one transaction; the change sets that did not open go to
    /// quarantine with their reason) and advances the cursor past it.
    private func apply(_ batch: OpenedBatch, _ cursor: inout SyncCursor, _ summary: inout SyncSummary) async throws(SyncError) {
        let now = wallClock()
        let opened = batch.opened
        let unopened = batch.unopened
        let results = try await storeCall { [store] () throws(StoreError) in
            var results = zip(opened.map(\.id), try store.receive(opened, nowMilliseconds: now)).map { (id: $0, outcome: $1) }
            if !unopened.isEmpty { results += try store.receive(raw: unopened, nowMilliseconds: now) }
            return results
        }
        summary.pulled += batch.count
        var unplaced: [ChangeRef] = []
        for (index, result) in results.enumerated() {
            let ref = index < opened.count ? opened[index].changeSet.ref : nil
            switch result.outcome {
            case .stored: summary.stored += 1
            case .retracted(let reason):
                summary.stored += 1
                logger.info("pulled a retracted change set", metadata: ["change.id": "\(result.id.hex)", "change.reason": "\(reason)"])
            case .duplicate: summary.duplicate += 1
            case .pending:
                summary.pending += 1
                if let ref { unplaced.append(ref) }
            case .rejected(let reason):
                summary.rejected += 1
                summary.noteRejection("\(result.id.hex): \(reason)")
                if let ref { unplaced.append(ref) }
                logger.warning("refused a pulled change set", metadata: ["change.id": "\(result.id.hex)", "change.reason": "\(reason)"])
            case .fork(let existing):
                summary.forks += 1
                summary.noteRejection("\(result.id.hex): fork of \(existing.hex)")
                if let ref { unplaced.append(ref) }
            }
        }
        let heads = try await storeCall { [store] () throws(StoreError) in try store.vector() }
        cursor.advance(to: heads.mapValues(\.seq))
        // Received but not applied: step past them so the peer does not send them again now;
        // pending ones wait in the store, refused ones in quarantine.
        for ref in unplaced { cursor.advance(ref.author, to: ref.seq) }
    }

    // MARK: Push

    /// Pushes the proofs of the forks the peer does not know, then, in batches, every change
    /// set of the log that `peerHeads` lacks (in log order, without what the peer's forks
    /// retract).
    private func pushAll(
        to peerHeads: [NodeID: Int64], peerForks: [NodeID: Int64], _ summary: inout SyncSummary
    ) async throws(SyncError) {
        var peerVector = peerHeads
        let limits = self.limits
        var proofs = try await storeCall { [store] () throws(StoreError) in
            try store.forkProofs(lacking: peerForks, limit: WireForkProof.maxPerMessage).map(WireForkProof.init)
        }
        let mine = try await storeCall { [store] () throws(StoreError) in try store.vector() }
        let expected = Int(SyncCursor(peerVector).lacking(from: mine.mapValues(\.seq)))
        guard expected > 0 || !proofs.isEmpty else { return }
        while true {
            try checkCancellation()
            let vector = peerVector
            let batch = try await storeCall { [store] () throws(StoreError) in
                try store.storedChangeSets(missingFrom: vector, skipping: peerForks, maxCount: limits.pushCount, maxBytes: limits.pushBytes)
            }
            guard !batch.items.isEmpty || !proofs.isEmpty else { return }
            let wire = batch.items.map(WireChangeSet.init(stored:))
            let sending = proofs
            proofs = []
            let reply = try await peerCall { () throws(PeerError) in try await client.push(wire, proofs: sending) }
            summary.proofsPushed += sending.count
            summary.traffic += reply.traffic
            summary.pushRequests += 1
            summary.pushed += wire.count
            for result in reply.value.results { tally(result, &summary) }
            for item in batch.items { peerVector[item.author] = max(peerVector[item.author] ?? 0, item.seq) }
            report(.push, done: summary.pushed, expected: expected, summary)
            guard batch.more, !batch.items.isEmpty else { return }
        }
    }

    func tally(_ result: PushResult, _ summary: inout SyncSummary) {
        switch result.status {
        case .stored: summary.pushStored += 1
        case .retracted:
            summary.pushStored += 1
            logger.info(
                "the peer holds a pushed change set as retracted",
                metadata: ["change.id": "\(result.id)", "change.reason": "\(result.reason ?? "")"])
        case .duplicate: summary.pushDuplicate += 1
        case .pending: summary.pushPending += 1
        case .rejected, .fork:
            summary.pushRejected += 1
            let reason = result.reason ?? result.existing.map { "fork of \($0)" } ?? result.status.rawValue
            summary.noteRejection("\(result.id) refused by the peer: \(reason)")
            logger.warning(
                "peer refused a pushed change set",
                metadata: ["change.id": "\(result.id)", "change.status": "\(result.status.rawValue)", "change.reason": "\(reason)"])
        }
    }

    // MARK: Helpers

    private func report(_ phase: SyncProgress.Phase, done: Int, expected: Int, _ summary: SyncSummary) {
        guard let progress else { return }
        let bytes = summary.traffic.requestBytes + summary.traffic.responseBytes
        progress(SyncProgress(peer: peer, phase: phase, done: done, expected: max(expected, done), bytes: bytes))
    }

    private func checkCancellation() throws(SyncError) {
        if Task.isCancelled { throw .cancelled(peer: peer) }
    }

    func storeCall<T: Sendable>(_ body: @escaping @Sendable () throws(StoreError) -> T) async throws(SyncError) -> T {
        do {
            return try await BlockingExecutor.sync.run(body)
        } catch {
            throw .store(error)
        }
    }

    func peerCall<T: Sendable>(_ body: () async throws(PeerError) -> T) async throws(SyncError) -> T {
        do {
            return try await body()
        } catch {
            if case .transport(.cancelled) = error { throw .cancelled(peer: peer) }
            throw .peer(error)
        }
    }

    /// Opens the fork proofs of a pull answer and records them (the author's change sets from
    /// the fork on are then refused, also in the batch that follows), adding what they teach to
    /// `forks`, which the next pull names.
    private func learnProofs(_ wire: [WireForkProof], _ forks: inout [NodeID: Int64], _ summary: inout SyncSummary) async throws(SyncError) {
        guard !wire.isEmpty else { return }
        let now = wallClock()
        let realm = store.realm
        var proofs: [ForkEvidence] = []
        for item in wire.prefix(WireForkProof.maxPerMessage) {
            do {
                proofs.append(try item.evidence(realm: realm, now: now))
            } catch {
                summary.noteRejection(error.description)
                logger.warning("peer sent a fork proof that proves nothing", metadata: ["sync.reason": "\(error.description)"])
            }
        }
        let selected = proofs
        let learnt = try await storeCall { [store] () throws(StoreError) in try store.recordForkProofs(selected, nowMilliseconds: now) }
        summary.forkProofs += learnt
        if learnt > 0 {
            logger.warning("learnt forks from the peer's proofs", metadata: ["sync.forks": "\(learnt)"])
            forks = try await storeCall { [store] () throws(StoreError) in try store.forkedAuthors() }
        }
    }

    /// The peer's forks as node ids and first retracted sequences.
    static func parseForks(_ forks: [String: Int64]?, peer: String) throws(SyncError) -> [NodeID: Int64] {
        var result: [NodeID: Int64] = [:]
        for (author, seq) in forks ?? [:] {
            guard let node = try? NodeID(hex: author), seq >= 1 else {
                throw .invalidAnswer(peer: peer, detail: "\"\(author.prefix(80))\": \(seq) in forks is not a node id with a sequence")
            }
            result[node] = seq
        }
        return result
    }

    /// The peer's heads as node ids and sequences.
    static func parseHeads(_ heads: [String: WireHead], peer: String) throws(SyncError) -> [NodeID: Int64] {
        var result: [NodeID: Int64] = [:]
        for (author, head) in heads {
            guard let node = try? NodeID(hex: author) else {
                throw .invalidAnswer(peer: peer, detail: "\"\(author.prefix(80))\" in heads is not a node id")
            }
            guard head.seq >= 0 else { throw .invalidAnswer(peer: peer, detail: "a negative sequence for author \(author)") }
            result[node] = head.seq
        }
        return result
    }
}
