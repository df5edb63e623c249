import GRDB
import MAEXCore

extension AuthorityGuard {
    /// Recomputes which held change sets revocations retract (`RetractionRules` over the
    /// whole log) and rewrites the retraction table.
    /// - Returns: whether the set of retracted change sets changed (the register must then be
    ///   re-derived).
    @discardableResult
    func recomputeRetractions() throws -> Bool {
        var support: [ChangeRef: [ChangeRef]] = [:]
        for row in try Row.fetchAll(db, sql: """
            SELECT a.node_id, s.seq, c.node_id, s.carrier_seq FROM authority_support s
            JOIN author a ON a.author_no = s.author_no JOIN author c ON c.author_no = s.carrier_no
            """) {
            let ref = ChangeRef(author: try AuthorDirectory.nodeID(row[0]), seq: row[1])
            support[ref, default: []].append(ChangeRef(author: try AuthorDirectory.nodeID(row[2]), seq: row[3]))
        }
        var revocations: [ChangeRef: [Revocation]] = [:]
        for row in try Row.fetchAll(db, sql: """
            SELECT a.node_id, r.carrier_seq, r.node_id, r.from_seq FROM trust_revocation r JOIN author a ON a.author_no = r.carrier_no
            """) {
            let ref = ChangeRef(author: try AuthorDirectory.nodeID(row[0]), seq: row[1])
            revocations[ref, default: []].append(Revocation(node: try AuthorDirectory.nodeID(row[2]), fromSeq: row[3]))
        }
        var entries: [RetractionRules.Entry] = []
        var numbers: [ChangeRef: Int64] = [:]
        for row in try Row.fetchAll(db, sql: """
            SELECT a.node_id, c.seq, c.author_no FROM change_set c JOIN author a ON a.author_no = c.author_no ORDER BY c.apply_order
            """) {
            let ref = ChangeRef(author: try AuthorDirectory.nodeID(row[0]), seq: row[1])
            numbers[ref] = row[2]
            entries.append(RetractionRules.Entry(ref: ref, support: support[ref] ?? [], revocations: revocations[ref] ?? []))
        }
        let retracted = RetractionRules.retracted(entries, root: root)
        let before = try Set(Row.fetchAll(db, sql: "SELECT author_no, seq FROM retraction").map { row -> [Int64] in [row[0], row[1]] })
        let after = Set(retracted.keys.compactMap { ref in numbers[ref].map { [$0, ref.seq] } })
        revokedFrom = try Self.effectiveRevocations(db, retracted: Set(retracted.keys), revocations: revocations)
        guard before != after else { return false }
        try db.execute(sql: "DELETE FROM retraction")
        for (ref, reason) in retracted {
            guard let number = numbers[ref] else { continue }
            try markRetracted(authorNumber: number, seq: ref.seq, reason: reason)
        }
        return true
    }

    /// The effective revocations as stored: those whose carrying change set is not retracted.
    static func effectiveRevocations(_ db: Database) throws -> [NodeID: Int64] {
        var result: [NodeID: Int64] = [:]
        for row in try Row.fetchAll(db, sql: """
            SELECT r.node_id, MIN(r.from_seq) FROM trust_revocation r
            WHERE NOT EXISTS (SELECT 1 FROM retraction x WHERE x.author_no = r.carrier_no AND x.seq = r.carrier_seq)
            GROUP BY r.node_id
            """) {
            result[try AuthorDirectory.nodeID(row[0])] = row[1]
        }
        return result
    }

    private static func effectiveRevocations(
        _ db: Database, retracted: Set<ChangeRef>, revocations: [ChangeRef: [Revocation]]
    ) throws -> [NodeID: Int64] {
        var result: [NodeID: Int64] = [:]
        for (carrier, list) in revocations where !retracted.contains(carrier) {
            for revocation in list { result[revocation.node] = min(result[revocation.node] ?? revocation.fromSeq, revocation.fromSeq) }
        }
        return result
    }

    /// Clears the derived trust tables and re-derives them from the log in apply order
    /// (each change set with the view it had), then the retractions.
    func rederiveFacts() throws {
        try db.execute(sql: """
            DELETE FROM authority_support; DELETE FROM record_home; DELETE FROM trust_revocation;
            DELETE FROM trust_grant; DELETE FROM retraction;
            """)
        let rows = try Row.fetchCursor(db, sql: "SELECT author_no, body, id FROM change_set ORDER BY apply_order")
        while let row = try rows.next() {
            let body = try RegisterRows.bytes(row, 1, table: "change_set")
            let changeSet: ChangeSet
            do { changeSet = try SignedChangeSet.decode(body: body) } catch {
                let id: String = row[2]
                throw StoreError.corruptRow(table: "change_set", detail: "change set \(id) no longer decodes: \(error)")
            }
            let view = try view(for: changeSet)
            try record(changeSet, authorNumber: row[0], support: changeSet.author == root ? [] : view.grantCarriers)
        }
        revokedFrom = [:]
        try recomputeRetractions()
    }
}
