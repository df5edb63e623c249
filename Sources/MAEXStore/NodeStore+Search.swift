import Foundation
import GRDB
import GRDBSQLite
import Logging
import MAEXCore

extension NodeStore {
    /// The ids of the live initiatives matching `search`, in id order, found through the
    /// indexes (`initiative_text` FTS5, `register_value`, `record_by_municipality`), after
    /// bringing them up to date (`refreshSearchIndex()`).
    ///
    /// The indexes hold every current write of a field, so with concurrent writes (a conflict)
    /// an initiative can match on the value that lost; callers that must be exact check the
    /// winning values of the (few) records found.
    ///
    /// When the disk is full the refresh cannot be written: the search then runs on the index
    /// as it is (a plain listing stays exact; filters may miss the newest records) rather than
    /// refusing a read.
    public func searchInitiatives(_ search: InitiativeSearch) throws(StoreError) -> [String] {
        do {
            try refreshSearchIndex()
        } catch .database(_, let code, let message) where code == SQLITE_FULL {
            logger.warning("search index not refreshed: the disk is full", metadata: ["error": "\(message)"])
        }
        var sql = "SELECT r.id FROM record r WHERE r.type = 'initiative' AND r.deleted_seq IS NULL"
        var arguments = StatementArguments()
        if let municipalities = search.municipalities {
            guard !municipalities.isEmpty else { return [] }
            sql += " AND r.municipality IN (\(Array(repeating: "?", count: municipalities.count).joined(separator: ", ")))"
            arguments += StatementArguments(municipalities.sorted())
        }
        if let text = search.text {
            guard let match = InitiativeSearch.matchQuery(text) else { return [] }
            sql += " AND r.record_no IN (SELECT rowid FROM initiative_text WHERE initiative_text MATCH ?)"
            arguments += [match]
        }
        for (field, value) in [("sdgs", search.sdg.map { DatabaseValue(value: Int64($0)) }),
                               ("themes", search.theme.map { DatabaseValue(value: $0) }),
                               ("phase", search.phase.map { DatabaseValue(value: $0) })] {
            guard let value else { continue }
            sql += " AND r.record_no IN (SELECT record_no FROM register_value WHERE field = ? AND value = ?)"
            arguments += [field, value]
        }
        if let kind = search.needKind {
            sql += " AND r.id IN (\(Self.childrenWith(type: "need", field: "kind"))"
                + " AND EXISTS (SELECT 1 FROM register_value s WHERE s.record_no = c.record_no AND s.field = 'status' AND s.value = 'open')"
                + " AND NOT EXISTS (SELECT 1 FROM register_value e WHERE e.record_no = c.record_no AND e.field = 'expires' AND e.value < ?))"
            arguments += [kind, search.today]
        }
        if search.socialReturn {
            sql += " AND r.id IN (\(Self.childrenWith(type: "offer", field: "social_return")))"
            arguments += [1]
        }
        sql += " ORDER BY r.id"
        let query = sql
        let bound = arguments
        return try reading("searchInitiatives") { db in try String.fetchAll(db, sql: query, arguments: bound) }
    }

    /// Brings the search indexes up to the log: re-derives the index rows of the records touched
    /// by change sets stored since the last refresh (their bodies name the records), or of every
    /// record after the register was re-derived. One write transaction; a cheap read when the
    /// indexes are current.
    public func refreshSearchIndex() throws(StoreError) {
        let current = try reading("searchState") { db in try Self.searchIsCurrent(db) }
        guard !current else { return }
        try writing("refreshSearchIndex") { db in
            guard !(try Self.searchIsCurrent(db)) else { return }
            let position = try Int64.fetchOne(db, sql: "SELECT value FROM search_state WHERE key = 'position'") ?? 0
            let full = try Int64.fetchOne(db, sql: "SELECT value FROM search_state WHERE key = 'full'") ?? 1
            let last = try Int64.fetchOne(db, sql: "SELECT max(apply_order) FROM change_set") ?? 0
            if full != 0 {
                try db.execute(sql: StoreSchema.markAll)
            } else {
                try Self.markTouched(db, after: position)
            }
            try db.execute(sql: StoreSchema.refreshDirty)
            try db.execute(sql: "UPDATE search_state SET value = ? WHERE key = 'position'", arguments: [last])
        }
    }

    /// Whether the indexes reflect the whole log and no re-derivation happened since.
    private static func searchIsCurrent(_ db: Database) throws -> Bool {
        let row = try Row.fetchOne(db, sql: """
            SELECT (SELECT value FROM search_state WHERE key = 'position'), (SELECT value FROM search_state WHERE key = 'full'),
                   (SELECT max(apply_order) FROM change_set)
            """)
        let position: Int64 = row?[0] ?? 0
        let full: Int64 = row?[1] ?? 1
        let last: Int64 = row?[2] ?? 0
        return full == 0 && position >= last
    }

    /// Marks the records named by the change sets after log position `position`.
    private static func markTouched(_ db: Database, after position: Int64) throws {
        let find = try db.cachedStatement(sql: "SELECT record_no FROM record WHERE type = ? AND id = ?")
        let mark = try db.cachedStatement(sql: "INSERT OR IGNORE INTO search_dirty (record_no) VALUES (?)")
        let rows = try Row.fetchCursor(db, sql: "SELECT body FROM change_set WHERE apply_order > ? ORDER BY apply_order", arguments: [position])
        var seen = Set<RecordKey>()
        while let row = try rows.next() {
            guard let body: Data = row[0], let changeSet = try? SignedChangeSet.decode(body: [UInt8](body)) else { continue }
            for op in changeSet.ops {
                guard let key = op.record, seen.insert(key).inserted else { continue }
                if let number = try Int64.fetchOne(find, arguments: [key.type, key.id]) { try mark.execute(arguments: [number]) }
            }
        }
    }

    /// The initiative ids of live records of `type` whose `field` has the value bound next.
    private static func childrenWith(type: String, field: String) -> String {
        """
        SELECT p.value FROM register_value k JOIN record c ON c.record_no = k.record_no AND c.type = '\(type)' AND c.deleted_seq IS NULL \
        JOIN register_value p ON p.record_no = c.record_no AND p.field = 'initiative' WHERE k.field = '\(field)' AND k.value = ?
        """
    }
}

/// Identifies a state of the derived register: it changes whenever a change set is stored or a
/// fork retracts change sets (the only ways the register changes; `rebuild()` re-derives the
/// same state). Cheap to read, so callers can cache what they derive from the register.
public struct RegisterGeneration: Hashable, Sendable {
    /// The last position of the log.
    public var lastApplied: Int64
    /// The number of fork records.
    public var forks: Int64
}

extension NodeStore {
    /// The current `RegisterGeneration` (two indexed reads).
    public func registerGeneration() throws(StoreError) -> RegisterGeneration {
        try reading("registerGeneration") { db in
            let last = try Int64.fetchOne(db, sql: "SELECT max(apply_order) FROM change_set") ?? 0
            let forks = try Int64.fetchOne(db, sql: "SELECT count(*) FROM fork") ?? 0
            return RegisterGeneration(lastApplied: last, forks: forks)
        }
    }
}
