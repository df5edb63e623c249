/// A complete node state in memory: the log per author, pending change sets, quarantine, forks,
/// and the derived register. The reference implementation of the receive rules, used by the
/// property tests and as the in-memory fake in the store contract suite.
public struct MemoryReplica: Sendable {
    /// The network this replica belongs to.
    public let realm: String
    /// The derived register.
    public private(set) var register = Register()
    /// Held change sets per author, index `seq - 1`.
    public private(set) var chains: [NodeID: [SignedChangeSet]] = [:]
    /// Change sets waiting for their requirements, by id.
    public private(set) var pending: [ChangeSetID: SignedChangeSet] = [:]
    /// Refused change sets with their reasons.
    public private(set) var quarantine: [ChangeSetID: String] = [:]
    /// Authors caught forking, with the first sequence no longer applied.
    public private(set) var forkedFrom: [NodeID: Int64] = [:]
    /// The order in which change sets were applied (a causal order).
    public private(set) var appliedOrder: [ChangeRef] = []

    /// An empty replica of `realm`.
    public init(realm: String) {
        self.realm = realm
    }

    /// For each author, the highest sequence held.
    public var vector: [NodeID: Int64] { chains.mapValues { Int64($0.count) } }

    /// The head of an author's chain.
    public func head(of author: NodeID) -> AuthorHead? {
        guard let last = chains[author]?.last else { return nil }
        return AuthorHead(seq: last.changeSet.seq, id: last.id, hlc: last.changeSet.hlc)
    }

    /// Whether a change set is held in the log.
    public func holds(_ ref: ChangeRef) -> Bool { (chains[ref.author]?.count ?? 0) >= ref.seq }

    /// Whether a fork of its author retracted a change set: requirements on it count as met, so
    /// other authors' change sets built on it apply whichever branch of the fork is held.
    public func isRetracted(_ ref: ChangeRef) -> Bool { forkedFrom[ref.author].map { ref.seq >= $0 } ?? false }

    /// Receives a verified change set and, when it completes a chain, applies waiting ones.
    @discardableResult
    public mutating func receive(_ signed: SignedChangeSet, nowMilliseconds: Int64) -> ReceiveOutcome {
        let outcome = receiveOne(signed, nowMilliseconds: nowMilliseconds)
        switch outcome {
        case .stored, .fork: drainPending(nowMilliseconds: nowMilliseconds)
        default: break
        }
        return outcome
    }

    /// The change sets a peer with `peerVector` lacks, per author in sequence order.
    public func missing(for peerVector: [NodeID: Int64]) -> [SignedChangeSet] {
        chains.keys.sorted().flatMap { author -> ArraySlice<SignedChangeSet> in
            let chain = chains[author] ?? []
            let from = Int(min(Int64(chain.count), max(0, peerVector[author] ?? 0)))
            return chain[from...]
        }
    }

    private mutating func receiveOne(_ signed: SignedChangeSet, nowMilliseconds: Int64) -> ReceiveOutcome {
        let changeSet = signed.changeSet
        let chain = chains[changeSet.author] ?? []
        let existing = changeSet.seq <= Int64(chain.count) ? chain[Int(changeSet.seq - 1)].id : nil
        if existing == nil, let forkSeq = forkedFrom[changeSet.author], changeSet.seq >= forkSeq {
            return quarantined(signed, reason: "author forked at sequence \(forkSeq): held as evidence, not applied")
        }
        let context = ChainDecision.Context(
            head: head(of: changeSet.author), existingID: existing, nowMilliseconds: nowMilliseconds)
        switch ChainDecision.decide(signed, in: context, isHeld: { holds($0) || isRetracted($0) }) {
        case .apply:
            pending[signed.id] = nil
            chains[changeSet.author, default: []].append(signed)
            appliedOrder.append(changeSet.ref)
            if forkedFrom[changeSet.author].map({ changeSet.seq < $0 }) ?? true { register.apply(changeSet) }
            return .stored
        case .answer(.pending(let missing)):
            pending[signed.id] = signed
            return .pending(missing: missing)
        case .answer(.fork(let existingID)):
            pending[signed.id] = nil
            recordFork(of: changeSet.author, at: changeSet.seq)
            quarantine[signed.id] = "fork: \(existingID.hex) is held at the same sequence"
            return .fork(existing: existingID)
        case .answer(.rejected(let reason)):
            return quarantined(signed, reason: reason)
        case .answer(let other):
            return other
        }
    }

    private mutating func quarantined(_ signed: SignedChangeSet, reason: String) -> ReceiveOutcome {
        pending[signed.id] = nil
        quarantine[signed.id] = reason
        return .rejected(reason: reason)
    }

    private mutating func recordFork(of author: NodeID, at seq: Int64) {
        let from = min(forkedFrom[author] ?? seq, seq)
        guard forkedFrom[author] != from else { return }
        forkedFrom[author] = from
        rebuild()
    }

    /// Re-derives the register from the log, leaving out what forks retracted.
    public mutating func rebuild() {
        var fresh = Register()
        for ref in appliedOrder where forkedFrom[ref.author].map({ ref.seq < $0 }) ?? true {
            if let signed = chains[ref.author]?[Int(ref.seq - 1)] { fresh.apply(signed.changeSet) }
        }
        register = fresh
    }

    private mutating func drainPending(nowMilliseconds: Int64) {
        var progress = true
        while progress {
            progress = false
            // By reference, then id: two forked change sets at one sequence drain in a fixed order.
            for signed in pending.values.sorted(by: { ($0.changeSet.ref, $0.id) < ($1.changeSet.ref, $1.id) }) {
                switch receiveOne(signed, nowMilliseconds: nowMilliseconds) {
                case .stored, .fork: progress = true
                default: break
                }
            }
        }
    }
}
