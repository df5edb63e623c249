import Foundation
import GRDB
import MAEXCore

extension NodeStore {
    /// For each author with at least one change set in the log, its head (highest sequence,
    /// id and clock): the version vector offered to peers.
    public func vector() throws(StoreError) -> [NodeID: AuthorHead] {
        try reading("vector") { db in
            var heads: [NodeID: AuthorHead] = [:]
            let rows = try Row.fetchCursor(db, sql: """
                SELECT node_id, head_seq, head_id, head_hlc_ms, head_hlc_counter FROM author WHERE head_seq > 0
                """)
            while let row = try rows.next() {
                heads[try AuthorDirectory.nodeID(row[0])] = AuthorHead(
                    seq: row[1], id: try AuthorDirectory.changeSetID(row[2], table: "author"),
                    hlc: HLCTimestamp(milliseconds: row[3], counter: row[4]))
            }
            return heads
        }
    }

    /// The change set `seq` of `author`, if held in the log.
    public func changeSet(author: NodeID, seq: Int64) throws(StoreError) -> SignedChangeSet? {
        try reading("changeSet") { db in
            let row = try Row.fetchOne(db, sql: """
                SELECT c.body, c.signature, c.id FROM change_set c JOIN author a ON a.author_no = c.author_no
                WHERE a.node_id = ? AND c.seq = ?
                """, arguments: [author.hex, seq])
            return try row.map { try Self.decodeLogRow($0, body: 0, signature: 1, id: 2) }
        }
    }

    /// The change sets a peer holding `peerVector` lacks, in log order (`storedChangeSets`),
    /// decoded.
    public func changeSets(
        missingFrom peerVector: [NodeID: Int64], authors filter: Set<NodeID>? = nil, maxCount: Int, maxBytes: Int
    ) throws(StoreError) -> (items: [SignedChangeSet], more: Bool) {
        let stored = try storedChangeSets(missingFrom: peerVector, authors: filter, maxCount: maxCount, maxBytes: maxBytes)
        var items: [SignedChangeSet] = []
        items.reserveCapacity(stored.items.count)
        for item in stored.items {
            do {
                let changeSet = try SignedChangeSet.decode(body: item.body)
                items.append(SignedChangeSet.trusted(body: item.body, signature: item.signature, changeSet: changeSet))
            } catch {
                throw .corruptRow(table: "change_set", detail: "change set \(item.id.hex) no longer decodes: \(error)")
            }
        }
        return (items, stored.more)
    }

    /// Log entries in apply order (oldest first), `limit` of them after skipping `offset`.
    public func log(limit: Int, offset: Int = 0) throws(StoreError) -> [LogEntry] {
        guard limit >= 0, offset >= 0 else { throw .invalidArgument("limit and offset must not be negative") }
        return try reading("log") { db in
            let rows = try Row.fetchAll(db, sql: """
                SELECT c.apply_order, a.node_id, c.seq, c.id, c.hlc_ms, c.hlc_counter, c.op_count, c.received_at
                FROM change_set c JOIN author a ON a.author_no = c.author_no ORDER BY c.apply_order LIMIT ? OFFSET ?
                """, arguments: [limit, offset])
            return try rows.map { row in
                LogEntry(
                    position: row[0], author: try AuthorDirectory.nodeID(row[1]), seq: row[2],
                    id: try AuthorDirectory.changeSetID(row[3], table: "change_set"),
                    hlc: HLCTimestamp(milliseconds: row[4], counter: row[5]), operationCount: row[6], receivedAtMilliseconds: row[7])
            }
        }
    }

    /// How many change sets the log holds.
    public func changeSetCount() throws(StoreError) -> Int {
        try reading("changeSetCount") { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM change_set") ?? 0 }
    }

    /// The greatest clock in the log (`.zero` when empty), so a local author's clock orders its
    /// next change set after every edit it has seen.
    public func maxHLC() throws(StoreError) -> HLCTimestamp {
        try reading("maxHLC") { db in
            let row = try Row.fetchOne(db, sql: """
                SELECT head_hlc_ms, head_hlc_counter FROM author WHERE head_seq > 0
                ORDER BY head_hlc_ms DESC, head_hlc_counter DESC LIMIT 1
                """)
            return row.map { HLCTimestamp(milliseconds: $0[0], counter: $0[1]) } ?? .zero
        }
    }

    /// Decodes a stored change set (verified when it was stored).
    static func decodeLogRow(_ row: Row, body bodyIndex: Int, signature signatureIndex: Int, id idIndex: Int) throws -> SignedChangeSet {
        let body = try RegisterRows.bytes(row, bodyIndex, table: "change_set")
        let signature = try RegisterRows.bytes(row, signatureIndex, table: "change_set")
        do {
            return SignedChangeSet.trusted(body: body, signature: signature, changeSet: try SignedChangeSet.decode(body: body))
        } catch {
            let id: String = row[idIndex]
            throw StoreError.corruptRow(table: "change_set", detail: "change set \(id) no longer decodes: \(error)")
        }
    }
}
