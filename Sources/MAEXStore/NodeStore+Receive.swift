import Dispatch
import Foundation
import Logging
import MAEXCore

extension NodeStore {
    /// Receives verified change sets: decides each exactly as `MemoryReplica` does
    /// (`ChainDecision.decide`), applies each atomically, and commits the whole batch in one
    /// write transaction before returning, so every `.stored` answer is durable.
    ///
    /// A stored change set releases the pending ones that waited for it, in order (one that
    /// waited for a later change set of the same batch is answered `.stored`). Rejected
    /// ones (and forks) go to quarantine with the reason; a fork also flags the author and
    /// retracts its change sets from the forked sequence on. A change set of another realm is
    /// rejected. When this throws, nothing of the batch was kept.
    public func receive(_ batch: [SignedChangeSet], nowMilliseconds: Int64) throws(StoreError) -> [ReceiveOutcome] {
        guard !batch.isEmpty else { return [] }
        let outcomes = try writing("receive") { db in
            let session = try WriteSession(db: db, store: self, now: nowMilliseconds)
            let outcomes = try session.receiveGroup(count: batch.count) { try session.receive(batch[$0]) }
            return try zip(batch, outcomes).map { try session.settled($1, of: $0) }
        }
        logger.debug("batch received", metadata: ["batch.count": "\(batch.count)", "batch.stored": "\(outcomes.count { $0 == .stored })"])
        return outcomes
    }

    /// Receives change sets as bytes off the wire: opens and verifies each
    /// (`SignedChangeSet.open` with this store's realm; the signatures are checked on
    /// background threads over the cores while the writer applies the already verified ones
    /// in order, helping to verify whenever it would otherwise wait), then receives them in
    /// order as `receive(_:nowMilliseconds:)` does, one transaction per slice of 2,000 (the
    /// answers come after the last commit; when this throws, slices committed before stay, not
    /// acknowledged: offered again they answer `duplicate`). Malformed, forged or foreign input
    /// is quarantined with the reason.
    ///
    /// - Returns: per input, in order, its id (the SHA-256 of the body, also for bytes that do
    ///   not decode) and the outcome.
    public func receive(
        raw: [(body: [UInt8], signature: [UInt8])], nowMilliseconds: Int64
    ) throws(StoreError) -> [(id: ChangeSetID, outcome: ReceiveOutcome)] {
        guard !raw.isEmpty else { return [] }
        let opened = Self.startOpening(raw, realm: realm)
        var results: [(id: ChangeSetID, outcome: ReceiveOutcome)] = []
        results.reserveCapacity(raw.count)
        // One transaction per slice: the background workers keep verifying the next slice while
        // the writer commits this one, so the commits do not leave the cores idle.
        for start in stride(from: 0, to: raw.count, by: Self.receiveSlice) {
            let end = min(start + Self.receiveSlice, raw.count)
            try writing("receive") { db in
                let session = try WriteSession(db: db, store: self, now: nowMilliseconds)
                results += try session.receiveGroup(count: end - start) { offset -> (id: ChangeSetID, outcome: ReceiveOutcome) in
                    let index = start + offset
                    switch opened.wait(for: index) {
                    case .success(let signed):
                        return (signed.id, try session.receive(signed))
                    case .failure(let error):
                        let item = raw[index]
                        let id = try session.quarantineRaw(body: item.body, signature: item.signature, reason: error.description)
                        return (id, .rejected(reason: error.description))
                    }
                }
                guard end == raw.count else { return }
                for (index, result) in results.enumerated() {
                    guard case .success(let signed) = opened.wait(for: index) else { continue }
                    results[index].outcome = try session.settled(result.outcome, of: signed)
                }
            }
        }
        return results
    }

    /// How many change sets of a raw receive share one transaction.
    public static let receiveSlice = 2_000

    /// Starts opening every item on background threads (one fewer than the cores, as the
    /// caller helps while it waits) and returns at once, so the writer can apply the first
    /// chunks while later ones are still being verified. Chunks are claimed in order.
    static func startOpening(_ raw: [(body: [UInt8], signature: [UInt8])], realm: String) -> OpenResults {
        let results = OpenResults(count: raw.count) { index in openOne(raw[index], realm: realm) }
        let workers = min(ProcessInfo.processInfo.activeProcessorCount - 1, results.count / OpenResults.chunkSize)
        for _ in 0..<max(0, workers) {
            DispatchQueue.global(qos: .userInitiated).async { results.work() }
        }
        return results
    }

    private static func openOne(_ item: (body: [UInt8], signature: [UInt8]), realm: String) -> Result<SignedChangeSet, EnvelopeError> {
        Result { () throws(EnvelopeError) in try SignedChangeSet.open(body: item.body, signature: item.signature, realm: realm) }
    }
}
