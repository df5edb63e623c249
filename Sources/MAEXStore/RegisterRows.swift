import Foundation
import GRDB
import MAEXCore

/// Reads the derived register back into core values (`RecordState`), one record at a time, in
/// `RecordKey` order: the order `RegisterDigest` requires.
enum RegisterRows {
    private static let selectRecords = """
        SELECT r.type, r.id, da.node_id, r.deleted_seq, r.deleted_hlc_ms, r.deleted_hlc_counter,
               w.field, wa.node_id, w.seq, w.hlc_ms, w.hlc_counter, w.value
        FROM record r
        LEFT JOIN author da ON da.author_no = r.deleted_author_no
        LEFT JOIN field_write w ON w.record_no = r.record_no
        LEFT JOIN author wa ON wa.author_no = w.author_no
        """

    /// Calls `body` for every record matching `filter` (an SQL `WHERE` clause over `r`, the
    /// `record` table, or empty), in record-key order. Records holding neither a field nor a
    /// tombstone (never produced by applying operations) are skipped, as `Register` has none.
    static func forEach(
        _ db: Database, filter: String = "", arguments: StatementArguments = StatementArguments(),
        _ body: (RecordKey, RecordState) throws -> Void
    ) throws {
        let statement = try db.cachedStatement(sql: "\(selectRecords) \(filter) ORDER BY r.type, r.id")
        let rows = try Row.fetchCursor(statement, arguments: arguments)
        var nodes: [String: NodeID] = [:]
        func node(_ hex: String) throws -> NodeID {
            if let known = nodes[hex] { return known }
            let parsed = try AuthorDirectory.nodeID(hex)
            nodes[hex] = parsed
            return parsed
        }
        var currentKey: RecordKey?
        var tombstone: Tombstone?
        var writes: [String: [FieldWrite]] = [:]
        func flush() throws {
            guard let key = currentKey, tombstone != nil || !writes.isEmpty else { return }
            try body(key, RecordState(fields: writes.mapValues { FieldState(writes: $0) }, tombstone: tombstone))
        }
        while let row = try rows.next() {
            let key = RecordKey(type: row[0], id: row[1])
            if key != currentKey {
                try flush()
                currentKey = key
                writes = [:]
                tombstone = nil
                if let deletedBy: String = row[2] {
                    tombstone = Tombstone(
                        ref: ChangeRef(author: try node(deletedBy), seq: row[3]),
                        hlc: HLCTimestamp(milliseconds: row[4], counter: row[5]))
                }
            }
            guard let field: String = row[6], let writtenBy: String = row[7] else { continue }
            let write = FieldWrite(
                ref: ChangeRef(author: try node(writtenBy), seq: row[8]),
                hlc: HLCTimestamp(milliseconds: row[9], counter: row[10]), value: try value(row[11]))
            writes[field, default: []].append(write)
        }
        try flush()
    }

    /// Parses a stored canonical JSON value.
    static func value(_ text: String) throws -> JSONValue {
        do { return try JSONValue(canonicalBytes: Array(text.utf8)) } catch {
            throw StoreError.corruptRow(table: "field_write", detail: "value \(text.prefix(60)) is not canonical JSON: \(error)")
        }
    }

    /// Reads a BLOB column as bytes.
    static func bytes(_ row: Row, _ index: Int, table: String) throws -> [UInt8] {
        guard let data: Data = row[index] else {
            throw StoreError.corruptRow(table: table, detail: "column \(index) is NULL")
        }
        return [UInt8](data)
    }
}
