import Foundation
import GRDB
import Logging
import MAEXCore

extension WriteSession {
    /// Keeps a change set until what it waits for arrives, indexed by each requirement: its
    /// predecessor `(author, seq - 1)` and every `deps` entry not yet held.
    func holdPending(_ signed: SignedChangeSet, headSeq: Int64, missing: [ChangeRef]) throws {
        let changeSet = signed.changeSet
        let id = signed.id.hex
        mayHavePending = true
        try db.cachedStatement(sql: """
            INSERT INTO pending (id, author, seq, body, signature, received_at) VALUES (?, ?, ?, ?, ?, ?)
            ON CONFLICT (id) DO NOTHING
            """).execute(arguments: [id, changeSet.author.hex, changeSet.seq, Data(signed.body), Data(signed.signature), now])
        try db.cachedStatement(sql: "DELETE FROM pending_need WHERE pending_id = ?").execute(arguments: [id])
        var needs = missing.filter { $0.author != changeSet.author }
        if changeSet.seq > headSeq + 1 { needs.append(ChangeRef(author: changeSet.author, seq: changeSet.seq - 1)) }
        let insertNeed = try db.cachedStatement(sql: """
            INSERT INTO pending_need (author, seq, pending_id) VALUES (?, ?, ?) ON CONFLICT DO NOTHING
            """)
        for need in needs {
            try insertNeed.execute(arguments: [need.author.hex, need.seq, id])
        }
    }

    /// Applies, in order, the pending change sets that `stored` (and what they unblock) was
    /// the last requirement of. Each stored reference deletes the need rows it satisfies; only
    /// change sets left with no need are decoded and decided again, so nothing is rescanned.
    func drain(after stored: ChangeRef) throws {
        var queue = [stored]
        var index = 0
        let satisfy = try db.cachedStatement(sql: "DELETE FROM pending_need WHERE author = ? AND seq <= ? RETURNING pending_id")
        let ready = try db.cachedStatement(sql: Self.readySQL)
        while index < queue.count {
            let ref = queue[index]
            index += 1
            let woken = Set(try String.fetchAll(satisfy, arguments: [ref.author.hex, ref.seq]))
            queue += try receiveReady(woken, ready)
        }
    }

    /// Decides again, in order of `(author, seq, id)`, the pending change sets among `woken`
    /// that wait for nothing more, and drains what they release.
    func applyReady(_ woken: Set<String>) throws {
        let ready = try db.cachedStatement(sql: Self.readySQL)
        for ref in try receiveReady(woken, ready) { try drain(after: ref) }
    }

    /// A pending change set by id, if it waits for nothing more.
    static let readySQL = """
        SELECT id, body, signature, author, seq FROM pending p
        WHERE id = ? AND NOT EXISTS (SELECT 1 FROM pending_need n WHERE n.pending_id = p.id)
        """

    /// Receives the ready ones among `woken` in order; returns the references now held.
    private func receiveReady(_ woken: Set<String>, _ ready: Statement) throws -> [ChangeRef] {
        var rows: [Row] = []
        for id in woken {
            if let row = try Row.fetchOne(ready, arguments: [id]) { rows.append(row) }
        }
        rows.sort { lhs, rhs in
            let left: (String, Int64, String) = (lhs[3], lhs[4], lhs[0])
            let right: (String, Int64, String) = (rhs[3], rhs[4], rhs[0])
            return left < right
        }
        var held: [ChangeRef] = []
        for row in rows {
            guard let signed = try pendingChangeSet(row) else { continue }
            if try receiveAtomically(signed).isHeld { held.append(signed.changeSet.ref) }
        }
        return held
    }

    /// The final answer for a change set of a batch: one answered `.pending` that a later
    /// change set of the same batch released is now `.stored`.
    func settled(_ outcome: ReceiveOutcome, of signed: SignedChangeSet) throws -> ReceiveOutcome {
        guard case .pending = outcome else { return outcome }
        let ref = signed.changeSet.ref
        guard let author = try authors.row(ref.author), let head = author.head, head.seq >= ref.seq else { return outcome }
        return try heldID(author: author, seq: ref.seq) == signed.id ? .stored : outcome
    }

    /// Decodes a pending row (verified when it arrived); quarantines it if it no longer decodes.
    func pendingChangeSet(_ row: Row) throws -> SignedChangeSet? {
        let body = try RegisterRows.bytes(row, 1, table: "pending")
        let signature = try RegisterRows.bytes(row, 2, table: "pending")
        do {
            return SignedChangeSet.trusted(body: body, signature: signature, changeSet: try SignedChangeSet.decode(body: body))
        } catch {
            let id: String = row[0]
            try deletePending.execute(arguments: [id])
            let reason = "stored pending bytes no longer decode: \(error)"
            logger.error("damaged pending change set", metadata: ["change.id": "\(id)", "store.error": "\(error)"])
            _ = try quarantineRaw(body: body, signature: signature, reason: reason)
            return nil
        }
    }
}
