import Foundation
import GRDB
import MAEXCore

extension NodeStore {
    /// Proofs of the forks this node knows and a peer knowing `known` (forked author to first
    /// retracted sequence) does not: one per author whose fork the peer lacks or knows only at
    /// a higher sequence, at the author's first forked sequence; at most `limit`, in author
    /// order.
    public func forkProofs(lacking known: [NodeID: Int64], limit: Int = 64) throws(StoreError) -> [ForkEvidence] {
        let forked = try forkedAuthors().filter { author, from in known[author].map { $0 > from } ?? true }
        guard !forked.isEmpty else { return [] }
        let wanted = Set(forked.map { ForkKey(author: $0.key, seq: $0.value) })
        var proofs: [ForkKey: ForkEvidence] = [:]
        for evidence in try forks() where wanted.contains(ForkKey(author: evidence.author, seq: evidence.seq)) {
            let key = ForkKey(author: evidence.author, seq: evidence.seq)
            if proofs[key] == nil { proofs[key] = evidence }
        }
        return proofs.values.sorted { $0.author < $1.author }.prefix(limit).map { $0 }
    }

    /// Records fork proofs learnt from a peer, each two verified change sets of one author at
    /// one sequence with different ids (`ForkEvidence.isProof`; others are refused with
    /// `.invalidArgument` and nothing is recorded), in one transaction: the author's change sets
    /// from the forked sequence on are retracted (the register re-derived where the log held
    /// them) and refused from now on, and pending change sets that waited only for those are
    /// applied.
    ///
    /// - Returns: how many proofs taught this node a fork (or a lower forked sequence).
    @discardableResult
    public func recordForkProofs(_ proofs: [ForkEvidence], nowMilliseconds: Int64) throws(StoreError) -> Int {
        guard !proofs.isEmpty else { return 0 }
        for proof in proofs where !proof.isProof || proof.held.changeSet.realm != realm {
            throw .invalidArgument("not a fork proof of this realm: author \(proof.author.hex) sequence \(proof.seq)")
        }
        return try writing("recordForkProofs") { db in
            let session = try WriteSession(db: db, store: self, now: nowMilliseconds)
            var learnt = 0
            for proof in proofs where try session.recordProof(proof.held, proof.other) { learnt += 1 }
            return learnt
        }
    }

    /// Proofs kept for authors whose forked sequence the log does not hold, in author and
    /// sequence order (`held` is the one with the lower id).
    func keptProofs(_ db: Database) throws -> [ForkEvidence] {
        let rows = try Row.fetchAll(db, sql: """
            SELECT a.node_id, p.seq, p.first_body, p.first_signature, p.first_id, p.second_body, p.second_signature, p.second_id,
                p.detected_at
            FROM fork_proof p JOIN author a ON a.author_no = p.author_no ORDER BY a.node_id, p.seq
            """)
        return try rows.map { row in
            ForkEvidence(
                author: try AuthorDirectory.nodeID(row[0]), seq: row[1],
                held: try Self.decodeLogRow(row, body: 2, signature: 3, id: 4),
                other: try Self.decodeLogRow(row, body: 5, signature: 6, id: 7),
                detectedAtMilliseconds: row[8])
        }
    }
}

/// An author and sequence, as a dictionary key.
private struct ForkKey: Hashable {
    var author: NodeID
    var seq: Int64
}
