import Foundation
import GRDB
import Logging
import MAEXCore

extension WriteSession {
    /// Records fork evidence, flags the author from the forked sequence on and re-derives the
    /// register without the retracted change sets; the newcomer goes to quarantine.
    func recordFork(_ signed: SignedChangeSet, existing: ChangeSetID) throws {
        let changeSet = signed.changeSet
        let author = try authors.ensure(changeSet.author)
        try db.cachedStatement(sql: """
            INSERT INTO fork (held_id, other_id, author_no, seq, other_body, other_signature, detected_at)
            VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING
            """).execute(arguments: [
                existing.hex, signed.id.hex, author.number, changeSet.seq, Data(signed.body), Data(signed.signature), now,
            ])
        try deletePending.execute(arguments: [signed.id.hex])
        try upsertQuarantine(id: signed.id, body: signed.body, signature: signed.signature, reason: "fork: \(existing.hex) is held at the same sequence")
        let from = min(author.forkedFrom ?? changeSet.seq, changeSet.seq)
        guard author.forkedFrom != from else { return }
        try authors.setForkedFrom(changeSet.author, from)
        logger.warning(
            "author forked: its change sets from the fork on are retracted",
            metadata: ["change.author": "\(changeSet.author.hex)", "change.seq": "\(from)", "change.id": "\(signed.id.hex)"])
        try register.rederive()
        if mayHavePending { try drainRetracted(author: changeSet.author, from: from) }
    }

    func quarantine(_ signed: SignedChangeSet, reason: String) throws -> ReceiveOutcome {
        try deletePending.execute(arguments: [signed.id.hex])
        try upsertQuarantine(id: signed.id, body: signed.body, signature: signed.signature, reason: reason)
        logger.warning("change set refused", metadata: ["change.id": "\(signed.id.hex)", "change.reason": "\(reason)"])
        return .rejected(reason: reason)
    }

    func upsertQuarantine(id: ChangeSetID, body: [UInt8], signature: [UInt8], reason: String) throws {
        try db.cachedStatement(sql: """
            INSERT INTO quarantine (id, body, signature, reason, received_at) VALUES (?, ?, ?, ?, ?)
            ON CONFLICT (id) DO UPDATE SET reason = excluded.reason, received_at = excluded.received_at,
                times_received = times_received + 1
            """).execute(arguments: [
                id.hex, Data(body.prefix(EnvelopeLimits.maxBodyBytes)), Data(signature.prefix(1024)), reason, now,
            ])
    }
}
