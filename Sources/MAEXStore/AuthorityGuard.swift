import GRDB
import MAEXCore

/// The writer's authority checks inside one write transaction: reads a change set's view from
/// the trust tables, decides with `AuthorityRules`, records what an admitted change set adds,
/// and keeps the retraction table true (`RetractionRules`).
final class AuthorityGuard {
    let root: NodeID
    let db: Database
    let authors: AuthorDirectory
    /// Effective revocations: the first sequence of each revoked node no longer valid.
    var revokedFrom: [NodeID: Int64] = [:]

    init(db: Database, authors: AuthorDirectory, root: NodeID) throws {
        self.db = db
        self.authors = authors
        self.root = root
        revokedFrom = try Self.effectiveRevocations(db)
    }

    /// Reads the cached revocations again (after a rollback undid rows they came from).
    func reload() throws {
        revokedFrom = try Self.effectiveRevocations(db)
    }

    /// The view of `changeSet`: its author's certificates, the homes of the records it
    /// touches and the nodes its author certified before, all within its horizon.
    func view(for changeSet: ChangeSet) throws -> AuthorityView {
        let horizon = AuthorityView.horizon(of: changeSet)
        var view = AuthorityView()
        if changeSet.author != root {
            let grants = try db.cachedStatement(sql: """
                SELECT a.node_id, g.carrier_seq, g.role, g.scope FROM trust_grant g
                JOIN author a ON a.author_no = g.carrier_no WHERE g.node_id = ?
                """)
            for row in try Row.fetchAll(grants, arguments: [changeSet.author.hex]) {
                let carrier = ChangeRef(author: try AuthorDirectory.nodeID(row[0]), seq: row[1])
                guard AuthorityView.sees(horizon, carrier), let grant = try Self.grant(row, node: changeSet.author) else { continue }
                view.grants.append(grant)
                view.grantCarriers.append(carrier)
            }
        }
        for op in changeSet.ops {
            guard let record = op.record, view.homes[record] == nil else { continue }
            view.homes[record] = AuthorityView.home(of: try homeWrites(record), in: horizon)
        }
        if changeSet.ops.contains(where: { if case .trust = $0 { true } else { false } }), let number = try authors.number(changeSet.author) {
            let issued = try db.cachedStatement(sql: "SELECT node_id FROM trust_grant WHERE carrier_no = ? AND carrier_seq < ?")
            for hex in try String.fetchAll(issued, arguments: [number, changeSet.seq]) {
                view.issued.insert(try AuthorDirectory.nodeID(hex))
            }
        }
        return view
    }

    /// Records what an admitted change set adds: certificates, revocations, municipality
    /// writes and the certificates it relied on.
    func record(_ changeSet: ChangeSet, authorNumber: Int64, support: [ChangeRef]) throws {
        let seq = changeSet.seq
        for op in changeSet.ops {
            switch op {
            case .set(let set) where AuthorityRules.homeRole(of: set.field) != nil:
                guard let code = set.value.stringValue else { continue }
                try db.cachedStatement(sql: """
                    INSERT INTO record_home (type, id, author_no, seq, code, pred) VALUES (?, ?, ?, ?, ?, ?)
                    ON CONFLICT DO NOTHING
                    """).execute(arguments: [set.record.type, set.record.id, authorNumber, seq, code, Self.encode(set.pred)])
            case .trust(.grant(let grant)):
                try insert(grant, carrier: authorNumber, seq: seq)
            case .trust(.rotate(let rotation)):
                try insert(rotation.grant, carrier: authorNumber, seq: seq)
            default:
                continue
            }
        }
        for revocation in RetractionRules.revocations(in: changeSet) {
            try db.cachedStatement(sql: "INSERT INTO trust_revocation (carrier_no, carrier_seq, node_id, from_seq) VALUES (?, ?, ?, ?)")
                .execute(arguments: [authorNumber, seq, revocation.node.hex, revocation.fromSeq])
        }
        let insertSupport = try db.cachedStatement(sql: """
            INSERT INTO authority_support (author_no, seq, carrier_no, carrier_seq) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING
            """)
        for carrier in support {
            guard let number = try authors.number(carrier.author) else { continue }
            try insertSupport.execute(arguments: [authorNumber, seq, number, carrier.seq])
        }
    }

    /// Why a newly admitted change set is retracted at once, or `nil` when it takes effect:
    /// its author is revoked from its sequence, or every certificate it relied on is retracted.
    func retraction(of ref: ChangeRef, support: [ChangeRef]) throws -> String? {
        guard ref.author != root else { return nil }
        if let from = revokedFrom[ref.author], ref.seq >= from { return "its author is revoked from sequence \(from)" }
        guard !support.isEmpty else { return nil }
        let check = try db.cachedStatement(sql: "SELECT 1 FROM retraction WHERE author_no = ? AND seq = ?")
        for carrier in support {
            guard let number = try authors.number(carrier.author) else { continue }
            if try Int.fetchOne(check, arguments: [number, carrier.seq]) == nil { return nil }
        }
        return "the certificate it relied on was withdrawn"
    }

    /// Marks a held change set retracted.
    func markRetracted(authorNumber: Int64, seq: Int64, reason: String) throws {
        try db.cachedStatement(sql: "INSERT INTO retraction (author_no, seq, reason) VALUES (?, ?, ?) ON CONFLICT DO NOTHING")
            .execute(arguments: [authorNumber, seq, reason])
    }

    private func insert(_ grant: Grant, carrier: Int64, seq: Int64) throws {
        try db.cachedStatement(sql: "INSERT INTO trust_grant (carrier_no, carrier_seq, node_id, role, scope) VALUES (?, ?, ?, ?, ?)")
            .execute(arguments: [carrier, seq, grant.node.hex, grant.role.rawValue, grant.scope.joined(separator: " ")])
    }

    private func homeWrites(_ record: RecordKey) throws -> [HomeWrite] {
        let statement = try db.cachedStatement(sql: """
            SELECT a.node_id, h.seq, h.code, h.pred FROM record_home h JOIN author a ON a.author_no = h.author_no
            WHERE h.type = ? AND h.id = ?
            """)
        return try Row.fetchAll(statement, arguments: [record.type, record.id]).map { row in
            HomeWrite(ref: ChangeRef(author: try AuthorDirectory.nodeID(row[0]), seq: row[1]), code: row[2], pred: try Self.decode(row[3]))
        }
    }

    static func grant(_ row: Row, node: NodeID) throws -> Grant? {
        let roleText: String = row[2]
        let scopeText: String = row[3]
        guard let role = TrustRole(rawValue: roleText) else {
            throw StoreError.corruptRow(table: "trust_grant", detail: "unknown role \(roleText)")
        }
        return Grant(node: node, role: role, scope: scopeText.split(separator: " ").map(String.init))
    }

    static func encode(_ refs: [ChangeRef]) -> String {
        refs.map { "\($0.author.hex):\($0.seq)" }.joined(separator: " ")
    }

    static func decode(_ text: String) throws -> [ChangeRef] {
        try text.split(separator: " ").map { item in
            let parts = item.split(separator: ":")
            guard parts.count == 2, let seq = Int64(parts[1]) else {
                throw StoreError.corruptRow(table: "record_home", detail: "bad reference \(item.prefix(80))")
            }
            return ChangeRef(author: try AuthorDirectory.nodeID(String(parts[0])), seq: seq)
        }
    }
}
