import GRDB
import MAEXCore

extension NodeStore {
    /// A record's state, including a deleted one (its tombstone); `nil` only when no change set
    /// ever touched it, so callers can tell deleted from unknown.
    public func record(_ key: RecordKey) throws(StoreError) -> RecordState? {
        try reading("record") { db in
            var found: RecordState?
            try RegisterRows.forEach(db, filter: "WHERE r.type = ? AND r.id = ?", arguments: [key.type, key.id]) { _, state in
                found = state
            }
            return found
        }
    }

    /// The live records of `type`, in key order; only those whose winning `municipality` value
    /// is `municipality` when given.
    public func records(type: String, municipality: String? = nil) throws(StoreError) -> [(key: RecordKey, state: RecordState)] {
        try reading("records") { db in
            var result: [(key: RecordKey, state: RecordState)] = []
            var filter = "WHERE r.type = ? AND r.deleted_seq IS NULL"
            var arguments: StatementArguments = [type]
            if let municipality {
                filter += " AND r.municipality = ?"
                arguments += [municipality]
            }
            try RegisterRows.forEach(db, filter: filter, arguments: arguments) { key, state in
                result.append((key, state))
            }
            return result
        }
    }

    /// The writes of a field no other write has superseded (the antichain), sorted: the `pred`
    /// of a local edit that supersedes what this node shows. Empty for an unknown field and
    /// for a deleted record.
    public func currentWrites(record: RecordKey, field: String) throws(StoreError) -> [ChangeRef] {
        try reading("currentWrites") { db in
            let rows = try Row.fetchAll(db, sql: """
                SELECT a.node_id, w.seq FROM record r JOIN field_write w ON w.record_no = r.record_no
                JOIN author a ON a.author_no = w.author_no WHERE r.type = ? AND r.id = ? AND w.field = ?
                """, arguments: [record.type, record.id, field])
            return try rows.map { ChangeRef(author: try AuthorDirectory.nodeID($0[0]), seq: $0[1]) }.sorted()
        }
    }

    /// The state digest of the register (`RegisterDigest` over every record in key order): equal
    /// to `MemoryReplica.register.digest` for the same change sets.
    public func digest() throws(StoreError) -> String {
        try reading("digest") { db in try Self.storedDigest(db) }
    }

    /// Every field holding concurrent writes, in record and field order.
    public func conflicts() throws(StoreError) -> [Conflict] {
        try reading("conflicts") { db in
            var result: [Conflict] = []
            let filter = """
                WHERE r.record_no IN (SELECT record_no FROM field_write GROUP BY record_no, field HAVING count(*) > 1)
                """
            try RegisterRows.forEach(db, filter: filter) { key, state in
                result += Conflict.all(in: state, of: key)
            }
            return result
        }
    }

    /// The digest of the stored register tables.
    static func storedDigest(_ db: Database) throws -> String {
        var digest = RegisterDigest()
        try RegisterRows.forEach(db) { key, state in digest.add(key, state) }
        return digest.finalize()
    }
}
