import Foundation
import GRDB
import Logging
import MAEXCore

extension WriteSession {
    /// Records a fork proof learnt from a peer: two different change sets `first` and `second`
    /// (verified, same author and sequence; `ForkEvidence.isProof`). Where the log holds one
    /// of them, or a third one, at that sequence the others are recorded as forks of it
    /// (`recordFork`); where the log holds nothing there, the proof is kept in `fork_proof`
    /// and the author flagged, so its change sets from that sequence on are refused.
    ///
    /// - Returns: whether the node learnt something (a new fork or a lower forked sequence).
    func recordProof(_ first: SignedChangeSet, _ second: SignedChangeSet) throws -> Bool {
        let changeSet = first.changeSet
        let before = try authors.row(changeSet.author)?.forkedFrom
        let author = try authors.ensure(changeSet.author)
        if let held = try heldID(author: author, seq: changeSet.seq) {
            for signed in [first, second] where signed.id != held { try recordFork(signed, existing: held) }
        } else {
            let (low, high) = first.id.hex < second.id.hex ? (first, second) : (second, first)
            try db.cachedStatement(sql: """
                INSERT INTO fork_proof (author_no, seq, first_id, first_body, first_signature, second_id, second_body,
                    second_signature, detected_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING
                """).execute(arguments: [
                    author.number, changeSet.seq, low.id.hex, Data(low.body), Data(low.signature), high.id.hex, Data(high.body),
                    Data(high.signature), now,
                ])
            let from = min(author.forkedFrom ?? changeSet.seq, changeSet.seq)
            if author.forkedFrom != from {
                try authors.setForkedFrom(changeSet.author, from)
                logger.warning(
                    "author forked (proof from a peer): its change sets from the fork on are refused",
                    metadata: ["change.author": "\(changeSet.author.hex)", "change.seq": "\(from)"])
            }
        }
        let after = try authors.row(changeSet.author)?.forkedFrom
        guard let after, after != before else { return false }
        try drainRetracted(author: changeSet.author, from: after)
        return true
    }

    /// Applies the pending change sets that waited only for change sets a fork of `author`
    /// retracts (sequences from `from` on): those requirements count as met (section 10).
    func drainRetracted(author: NodeID, from: Int64) throws {
        let satisfy = try db.cachedStatement(sql: "DELETE FROM pending_need WHERE author = ? AND seq >= ? RETURNING pending_id")
        let woken = Set(try String.fetchAll(satisfy, arguments: [author.hex, from]))
        try applyReady(woken)
    }
}
