import GRDB
import Logging
import MAEXCore

extension NodeStore {
    /// Clears the derived tables and re-derives them from the log, in apply order and leaving
    /// out what forks retracted, in one transaction. The digest stays the same unless the
    /// derived tables had drifted from the log.
    public func rebuild() throws(StoreError) {
        try writing("rebuild") { db in
            let session = try WriteSession(db: db, store: self, now: 0)
            try session.authority?.rederiveFacts()
            try session.register.rederive()
        }
        logger.info("register rebuilt from the log", metadata: ["store.path": "\(path)"])
    }

    /// Checks the store without changing it and lists the problems found (empty when fine):
    /// SQLite's integrity and foreign-key checks; for every change set of the log its id
    /// (SHA-256 of the stored bytes), signature (by the author's key, this realm), the columns
    /// against the decoded bytes, gapless sequences and the `prev` chain; the author heads; and
    /// the stored register against a re-derivation in memory from the log (by digest).
    public func verify() throws(StoreError) -> [String] {
        try reading("verify") { db in
            var problems = try Self.sqliteChecks(db)
            var audit = LogAudit(realm: realm, root: authority.root)
            let authors = try Row.fetchAll(db, sql: """
                SELECT author_no, node_id, head_seq, head_id, head_hlc_ms, head_hlc_counter, forked_from FROM author
                """)
            for row in authors {
                audit.addAuthor(number: row[0], hex: row[1], forkedFrom: row[6])
            }
            let rows = try Row.fetchCursor(db, sql: """
                SELECT apply_order, author_no, seq, id, prev, hlc_ms, hlc_counter, op_count, body, signature
                FROM change_set ORDER BY apply_order
                """)
            while let row = try rows.next() {
                audit.check(LogAudit.Row(
                    position: row[0], authorNumber: row[1], seq: row[2], id: row[3], prev: row[4],
                    hlc: HLCTimestamp(milliseconds: row[5], counter: row[6]), operationCount: row[7],
                    body: try RegisterRows.bytes(row, 8, table: "change_set"),
                    signature: try RegisterRows.bytes(row, 9, table: "change_set")))
            }
            for row in authors {
                audit.checkHead(number: row[0], seq: row[2], id: row[3], hlc: HLCTimestamp(milliseconds: row[4], counter: row[5]))
            }
            let derived = audit.derivedRegister().digest
            problems += audit.problems
            let stored = try Self.storedDigest(db)
            if stored != derived {
                problems.append("the derived register differs from the log: stored digest \(stored), re-derived \(derived)")
            }
            return problems
        }
    }

    private static func sqliteChecks(_ db: Database) throws -> [String] {
        var problems: [String] = []
        let integrity = try String.fetchAll(db, sql: "PRAGMA integrity_check")
        if integrity != ["ok"] { problems += integrity.map { "integrity_check: \($0)" } }
        for row in try Row.fetchAll(db, sql: "PRAGMA foreign_key_check") {
            let table: String = row[0]
            let rowID: Int64? = row[1]
            let parent: String = row[2]
            problems.append("foreign key violation: \(table) row \(rowID.map(String.init) ?? "?") refers to a missing \(parent) row")
        }
        return problems
    }
}

extension NodeStore {
    /// The writer connection's durability settings, as SQLite reports them: `journal_mode`
    /// (`wal`) and `synchronous` (2 = FULL). For status pages and the tests.
    public func durabilitySettings() throws(StoreError) -> (journalMode: String, synchronous: Int) {
        do {
            return try pool.writeWithoutTransaction { db in
                let mode = try String.fetchOne(db, sql: "PRAGMA journal_mode") ?? ""
                let synchronous = try Int.fetchOne(db, sql: "PRAGMA synchronous") ?? -1
                return (mode, synchronous)
            }
        } catch {
            throw StoreError.wrapping(error, operation: "durabilitySettings")
        }
    }
}
