import GRDB
import MAEXCore

extension NodeStore {
    /// How many change sets wait for their requirements.
    public func pendingCount() throws(StoreError) -> Int {
        try reading("pendingCount") { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM pending") ?? 0 }
    }

    /// What the pending change sets wait for: per author, the lowest sequence some pending
    /// change set needs (its predecessor or a dependency).
    public func pendingNeeds() throws(StoreError) -> [NodeID: Int64] {
        try reading("pendingNeeds") { db in
            var needs: [NodeID: Int64] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT author, min(seq) FROM pending_need GROUP BY author") {
                needs[try AuthorDirectory.nodeID(row[0])] = row[1]
            }
            return needs
        }
    }

    /// The ids of the change sets waiting for their requirements.
    public func pendingIDs() throws(StoreError) -> Set<ChangeSetID> {
        try reading("pendingIDs") { db in
            Set(try String.fetchAll(db, sql: "SELECT id FROM pending").map { try AuthorDirectory.changeSetID($0, table: "pending") })
        }
    }

    /// Refused change sets with their reasons, most recent first.
    public func quarantine(limit: Int = 1000) throws(StoreError) -> [QuarantineEntry] {
        try reading("quarantine") { db in
            let rows = try Row.fetchAll(db, sql: """
                SELECT id, body, signature, reason, received_at, times_received FROM quarantine
                ORDER BY received_at DESC, id LIMIT ?
                """, arguments: [limit])
            return try rows.map { row in
                QuarantineEntry(
                    id: try AuthorDirectory.changeSetID(row[0], table: "quarantine"),
                    body: try RegisterRows.bytes(row, 1, table: "quarantine"),
                    signature: try RegisterRows.bytes(row, 2, table: "quarantine"),
                    reason: row[3], receivedAtMilliseconds: row[4], timesReceived: row[5])
            }
        }
    }

    /// Evidence of every fork detected or learnt from a peer, in author and sequence order.
    /// Where the log holds neither change set of a proof, `held` is the one with the lower id.
    public func forks() throws(StoreError) -> [ForkEvidence] {
        try reading("forks") { db in
            let rows = try Row.fetchAll(db, sql: """
                SELECT a.node_id, f.seq, c.body, c.signature, c.id, f.other_body, f.other_signature, f.other_id, f.detected_at
                FROM fork f JOIN author a ON a.author_no = f.author_no JOIN change_set c ON c.id = f.held_id
                ORDER BY a.node_id, f.seq, f.other_id
                """)
            let logged = try rows.map { row in
                ForkEvidence(
                    author: try AuthorDirectory.nodeID(row[0]), seq: row[1],
                    held: try Self.decodeLogRow(row, body: 2, signature: 3, id: 4),
                    other: try Self.decodeLogRow(row, body: 5, signature: 6, id: 7),
                    detectedAtMilliseconds: row[8])
            }
            return (logged + (try keptProofs(db))).sorted { ($0.author, $0.seq) < ($1.author, $1.seq) }
        }
    }

    /// Authors caught forking, with the first sequence no longer applied.
    public func forkedAuthors() throws(StoreError) -> [NodeID: Int64] {
        try reading("forkedAuthors") { db in
            var result: [NodeID: Int64] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT node_id, forked_from FROM author WHERE forked_from IS NOT NULL") {
                result[try AuthorDirectory.nodeID(row[0])] = row[1]
            }
            return result
        }
    }
}
