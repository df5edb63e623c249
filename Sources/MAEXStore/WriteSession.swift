import Foundation
import GRDB
import Logging
import MAEXCore

/// The single writer's work inside one write transaction: the receive rules of
/// `MemoryReplica`, decided by `ChainDecision`, applied to SQLite. Each change set is applied
/// atomically (log row, head, register, pending, quarantine, forks together): in its own
/// savepoint, or as part of a group savepoint that is received again one savepoint per change
/// set when the schema refuses something (`receiveGroup`); the caller commits the transaction
/// once for the whole batch.
final class WriteSession {
    let db: Database
    let realm: String
    let now: Int64
    let maxDriftMilliseconds: Int64
    let logger: Logger
    let authors: AuthorDirectory
    let register: RegisterWriter
    /// The authority checks, `nil` for an unrestricted store.
    let authority: AuthorityGuard?
    private let insertLog: FastStatement
    let deletePending: Statement
    /// Whether `pending` or `pending_need` may hold rows: read once when the session starts and
    /// set again by `holdPending`, so the common case (nothing pending) skips the drain queries.
    var mayHavePending: Bool
    /// Whether a group savepoint (`receiveGroup`) makes each change set's own savepoint
    /// unnecessary: a constraint violation then rolls back and replays the whole group.
    var grouped = false

    init(db: Database, store: NodeStore, now: Int64) throws {
        self.db = db
        realm = store.realm
        self.now = now
        maxDriftMilliseconds = store.maxDriftMilliseconds
        logger = store.logger
        authors = AuthorDirectory(db: db)
        register = try RegisterWriter(db: db, authors: authors)
        let directory = authors
        authority = try store.authority.root.map { try AuthorityGuard(db: db, authors: directory, root: $0) }
        insertLog = try FastStatement(db, sql: """
            INSERT INTO change_set (id, author_no, seq, prev, hlc_ms, hlc_counter, op_count, body, signature, received_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        deletePending = try db.cachedStatement(sql: "DELETE FROM pending WHERE id = ?")
        mayHavePending = try Bool.fetchOne(db, sql: """
            SELECT EXISTS (SELECT 1 FROM pending) OR EXISTS (SELECT 1 FROM pending_need)
            """) ?? true
    }

    /// Receives one verified change set and, when it was stored, applies the pending change
    /// sets it unblocked (and those they unblock, and so on).
    func receive(_ signed: SignedChangeSet) throws -> ReceiveOutcome {
        guard signed.changeSet.realm == realm else {
            return try quarantine(signed, reason: EnvelopeError.wrongRealm(expected: realm, actual: signed.changeSet.realm).description)
        }
        let outcome = try receiveAtomically(signed)
        if outcome.isHeld, mayHavePending { try drain(after: signed.changeSet.ref) }
        return outcome
    }

    /// Quarantines bytes that did not open (malformed, forged, wrong realm).
    func quarantineRaw(body: [UInt8], signature: [UInt8], reason: String) throws -> ChangeSetID {
        let id = ChangeSetID(hashing: body)
        try upsertQuarantine(id: id, body: body, signature: signature, reason: reason)
        logger.warning("change set refused", metadata: ["change.id": "\(id.hex)", "change.reason": "\(reason)"])
        return id
    }

    /// One change set in a savepoint. A constraint violation (the schema refusing what the
    /// rules let through: a bug, never expected) rolls back just this change set, which is then
    /// quarantined with SQLite's message, so one bad change set cannot block the rest.
    /// Inside a group (`receiveGroup`) the group's savepoint stands in for this one.
    func receiveAtomically(_ signed: SignedChangeSet) throws -> ReceiveOutcome {
        if grouped { return try receiveOne(signed) }
        var outcome = ReceiveOutcome.duplicate
        do {
            try db.inSavepoint {
                outcome = try receiveOne(signed)
                return .commit
            }
        } catch let error as DatabaseError where error.resultCode == .SQLITE_CONSTRAINT {
            try forgetCachedState()
            let reason = "the store's schema refused it: \(error.message ?? "constraint violation")"
            logger.error("change set violates a store constraint", metadata: ["change.id": "\(signed.id.hex)", "store.error": "\(error)"])
            outcome = try quarantine(signed, reason: reason)
        }
        return outcome
    }

    private func receiveOne(_ signed: SignedChangeSet) throws -> ReceiveOutcome {
        let changeSet = signed.changeSet
        let author = try authors.row(changeSet.author)
        let existing = try heldID(author: author, seq: changeSet.seq)
        if existing == nil, let forkSeq = author?.forkedFrom, changeSet.seq >= forkSeq {
            return try quarantine(signed, reason: "author forked at sequence \(forkSeq): held as evidence, not applied")
        }
        for requirement in changeSet.requirements where requirement.author != changeSet.author {
            _ = try authors.row(requirement.author)
        }
        let context = ChainDecision.Context(
            head: author?.head, existingID: existing, nowMilliseconds: now, maxDriftMilliseconds: maxDriftMilliseconds)
        let decision = ChainDecision.decide(signed, in: context) { [authors] ref in
            // Held, or retracted by a fork of its author: a requirement met either way (section 10).
            authors.cachedHeadSeq(ref.author) >= ref.seq || authors.cachedForkedFrom(ref.author).map { ref.seq >= $0 } ?? false
        }
        switch decision {
        case .apply:
            return try admit(signed)
        case .answer(.pending(let missing)):
            try holdPending(signed, headSeq: author?.head?.seq ?? 0, missing: missing)
            return .pending(missing: missing)
        case .answer(.fork(let existingID)):
            try recordFork(signed, existing: existingID)
            return .fork(existing: existingID)
        case .answer(.rejected(let reason)):
            return try quarantine(signed, reason: reason)
        case .answer(let other):
            return other
        }
    }

    /// The id held at `seq` of the author, if any.
    func heldID(author: AuthorRow?, seq: Int64) throws -> ChangeSetID? {
        guard let author, let head = author.head, seq <= head.seq else { return nil }
        if seq == head.seq { return head.id }
        let statement = try db.cachedStatement(sql: "SELECT id FROM change_set WHERE author_no = ? AND seq = ?")
        guard let hex = try String.fetchOne(statement, arguments: [author.number, seq]) else {
            throw StoreError.corruptRow(table: "change_set", detail: "sequence \(seq) of author row \(author.number) is missing below its head")
        }
        return try AuthorDirectory.changeSetID(hex, table: "change_set")
    }

    /// Checks authority (when the store has a root), then applies: `.stored`, `.retracted`
    /// when a revocation already withdrew it, or `.rejected` when the author lacks authority.
    private func admit(_ signed: SignedChangeSet) throws -> ReceiveOutcome {
        guard let authority else {
            try apply(signed)
            return .stored
        }
        let changeSet = signed.changeSet
        let view = try authority.view(for: changeSet)
        if case .refused(let reason) = AuthorityRules.check(changeSet, view: view, root: authority.root) {
            return try quarantine(signed, reason: reason)
        }
        let support = changeSet.author == authority.root ? [] : view.grantCarriers
        let retraction = try authority.retraction(of: changeSet.ref, support: support)
        try apply(signed, effective: retraction == nil)
        let author = try authors.ensure(changeSet.author)
        try authority.record(changeSet, authorNumber: author.number, support: support)
        if let retraction {
            try authority.markRetracted(authorNumber: author.number, seq: changeSet.seq, reason: retraction)
            logger.warning("change set retracted", metadata: ["change.id": "\(signed.id.hex)", "change.reason": "\(retraction)"])
            return .retracted(reason: retraction)
        }
        if !RetractionRules.revocations(in: changeSet).isEmpty, try authority.recomputeRetractions() {
            logger.warning("revocation retracts change sets; re-deriving the register", metadata: ["change.id": "\(signed.id.hex)"])
            try register.rederive()
        }
        return .stored
    }

    private func apply(_ signed: SignedChangeSet, effective: Bool = true) throws {
        let changeSet = signed.changeSet
        let author = try authors.ensure(changeSet.author)
        insertLog.bind(1, signed.id.hex)
        insertLog.bind(2, author.number)
        insertLog.bind(3, changeSet.seq)
        insertLog.bind(4, changeSet.prev?.hex)
        insertLog.bind(5, changeSet.hlc.milliseconds)
        insertLog.bind(6, changeSet.hlc.counter)
        insertLog.bind(7, Int64(changeSet.ops.count))
        insertLog.bind(8, blob: signed.body)
        insertLog.bind(9, blob: signed.signature)
        insertLog.bind(10, now)
        try insertLog.run()
        try authors.setHead(changeSet.author, AuthorHead(seq: changeSet.seq, id: signed.id, hlc: changeSet.hlc))
        if mayHavePending { try deletePending.execute(arguments: [signed.id.hex]) }
        if effective, author.forkedFrom.map({ changeSet.seq < $0 }) ?? true {
            try register.apply(changeSet, authorNumber: author.number)
        }
    }
}
