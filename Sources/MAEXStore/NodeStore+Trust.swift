import GRDB
import MAEXCore

/// A certificate as the store holds it: the change set carrying it and whether a revocation
/// has withdrawn that change set.
public struct HeldCertificate: Hashable, Sendable {
    /// The carrying change set (issuer and sequence).
    public var carrier: ChangeRef
    /// The certificate (a rotation's certificate of the new key included).
    public var grant: Grant
    /// Whether the carrying change set is retracted.
    public var isWithdrawn: Bool

    /// Creates a held certificate.
    public init(carrier: ChangeRef, grant: Grant, isWithdrawn: Bool) {
        self.carrier = carrier
        self.grant = grant
        self.isWithdrawn = isWithdrawn
    }
}

/// A revocation as the store holds it.
public struct HeldRevocation: Hashable, Sendable {
    /// The carrying change set.
    public var carrier: ChangeRef
    /// The revocation (a rotation's revocation of the old key included).
    public var revocation: Revocation
    /// Whether the carrying change set is retracted (then it has no effect).
    public var isWithdrawn: Bool
}

extension NodeStore {
    /// The certificates held, of one node or of all, in issuer and sequence order.
    public func certificates(of node: NodeID? = nil) throws(StoreError) -> [HeldCertificate] {
        try reading("certificates") { db in
            let rows = try Row.fetchAll(db, sql: """
                SELECT a.node_id, g.carrier_seq, g.role, g.scope, g.node_id,
                    EXISTS (SELECT 1 FROM retraction x WHERE x.author_no = g.carrier_no AND x.seq = g.carrier_seq)
                FROM trust_grant g JOIN author a ON a.author_no = g.carrier_no
                WHERE ?1 IS NULL OR g.node_id = ?1 ORDER BY a.node_id, g.carrier_seq, g.node_id
                """, arguments: [node?.hex])
            return try rows.compactMap { row -> HeldCertificate? in
                let subject = try AuthorDirectory.nodeID(row[4])
                guard let grant = try AuthorityGuard.grant(row, node: subject) else { return nil }
                return HeldCertificate(
                    carrier: ChangeRef(author: try AuthorDirectory.nodeID(row[0]), seq: row[1]), grant: grant, isWithdrawn: row[5])
            }
        }
    }

    /// The revocations held (rotations' revocations of old keys included).
    public func revocations() throws(StoreError) -> [HeldRevocation] {
        try reading("revocations") { db in
            try Row.fetchAll(db, sql: """
                SELECT a.node_id, r.carrier_seq, r.node_id, r.from_seq,
                    EXISTS (SELECT 1 FROM retraction x WHERE x.author_no = r.carrier_no AND x.seq = r.carrier_seq)
                FROM trust_revocation r JOIN author a ON a.author_no = r.carrier_no ORDER BY a.node_id, r.carrier_seq
                """).map { row in
                HeldRevocation(
                    carrier: ChangeRef(author: try AuthorDirectory.nodeID(row[0]), seq: row[1]),
                    revocation: Revocation(node: try AuthorDirectory.nodeID(row[2]), fromSeq: row[3]), isWithdrawn: row[4])
            }
        }
    }

    /// The change sets held in the log but retracted by revocations, with the reasons.
    public func retractions() throws(StoreError) -> [ChangeRef: String] {
        try reading("retractions") { db in
            var result: [ChangeRef: String] = [:]
            for row in try Row.fetchAll(db, sql: """
                SELECT a.node_id, r.seq, r.reason FROM retraction r JOIN author a ON a.author_no = r.author_no
                """) {
                result[ChangeRef(author: try AuthorDirectory.nodeID(row[0]), seq: row[1])] = row[2]
            }
            return result
        }
    }

    /// How the store would judge `changeSet`'s authority if it arrived now (read only, nothing
    /// stored): what a node's own author checks before signing, so a refused edit changes
    /// nothing. `.allowed` for an unrestricted store.
    public func authorityVerdict(for changeSet: ChangeSet) throws(StoreError) -> AuthorityVerdict {
        guard let root = authority.root else { return .allowed }
        return try reading("authorityVerdict") { db in
            let guardian = try AuthorityGuard(db: db, authors: AuthorDirectory(db: db), root: root)
            return AuthorityRules.check(changeSet, view: try guardian.view(for: changeSet), root: root)
        }
    }

    /// Whether `node` is a member of the network (`standing(of:)` is `.member`).
    public func isMember(_ node: NodeID) throws(StoreError) -> Bool {
        try standing(of: node) == .member
    }

    /// Where `node` stands in the network, read in one snapshot: the root and a node holding a
    /// certificate that is not withdrawn and not revoked from its next change set on are
    /// members; a node with certificates or revocations but no such standing is revoked; any
    /// other key is outside. Everyone is a member of an unrestricted store.
    public func standing(of node: NodeID) throws(StoreError) -> TrustStanding {
        guard let root = authority.root, node != root else { return .member }
        return try reading("standing") { db in
            let withdrawn = try Bool.fetchAll(db, sql: """
                SELECT EXISTS (SELECT 1 FROM retraction x WHERE x.author_no = g.carrier_no AND x.seq = g.carrier_seq)
                FROM trust_grant g WHERE g.node_id = ?
                """, arguments: [node.hex])
            let revokedFrom = try Int64.fetchOne(db, sql: """
                SELECT MIN(r.from_seq) FROM trust_revocation r WHERE r.node_id = ?
                AND NOT EXISTS (SELECT 1 FROM retraction x WHERE x.author_no = r.carrier_no AND x.seq = r.carrier_seq)
                """, arguments: [node.hex])
            guard !withdrawn.isEmpty || revokedFrom != nil else { return .outside }
            let next = (try Int64.fetchOne(db, sql: "SELECT head_seq FROM author WHERE node_id = ?", arguments: [node.hex]) ?? 0) + 1
            let revoked = revokedFrom.map { $0 <= next } ?? false
            return withdrawn.contains(false) && !revoked ? .member : .revoked
        }
    }
}

/// A node's standing in the network, as the store's certificates and revocations say.
public enum TrustStanding: Hashable, Sendable {
    /// The root, or a node holding a live certificate.
    case member
    /// A node whose certificates are withdrawn or that is revoked from its next change set on.
    case revoked
    /// A key the network never certified.
    case outside
}
