import GRDB
import MAEXCore

extension NodeStore {
    /// The ids of the live initiatives matching `search`, in id order, found through the
    /// indexes (`initiative_text` FTS5, `register_value`, `record_by_municipality`), after
    /// bringing them up to date (`refreshSearchIndex()`).
    ///
    /// The indexes hold every current write of a field, so with concurrent writes (a conflict)
    /// an initiative can match on the value that lost; callers that must be exact check the
    /// winning values of the (few) records found.
    public func searchInitiatives(_ search: InitiativeSearch) throws(StoreError) -> [String] {
        try refreshSearchIndex()
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

    /// Re-derives the search index rows of the records changed since the last refresh (marked by
    /// triggers in `search_dirty`), in one write transaction; a cheap read when nothing changed.
    public func refreshSearchIndex() throws(StoreError) {
        let dirty = try reading("searchDirty") { db in try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM search_dirty)") ?? false }
        guard dirty else { return }
        try writing("refreshSearchIndex") { db in try db.execute(sql: StoreSchema.refreshDirty) }
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
