/// The pure authority decision: may the author of a change set do everything it contains,
/// given its view? Shared by every store, so all nodes decide alike.
///
/// - The root (the national node's key) may write any record and certify any node.
/// - Any other author needs a certificate in its view. Records are guarded by their home: the
///   `municipality` field (initiatives and their sub-records) or the `fund` field (a fund's own
///   records). The author needs authority over every home code the record has in the view and
///   over every code the change set writes into it (moving a record needs both). A
///   municipality certificate covers its codes; a province certificate every municipality of
///   its provinces; a fund certificate its fund codes.
/// - A province hub may certify municipality nodes of its provinces; only the root certifies
///   provinces and funds. A revocation comes from the root or from the node's issuer; a
///   rotation needs both the issuer's right to certify and the old key's signature.
///
/// Revocations are not part of this decision (they retract later, see `RetractionRules`).
public enum AuthorityRules {
    /// Decides for `changeSet` of the network rooted at `root`.
    public static func check(_ changeSet: ChangeSet, view: AuthorityView, root: NodeID) -> AuthorityVerdict {
        let isRoot = changeSet.author == root
        guard isRoot || !view.grants.isEmpty else {
            return .refused("the author \(changeSet.author.hex.prefix(12))… holds no certificate in the change set's view")
        }
        let covered = isRoot ? nil : codes(coveredBy: view.grants)
        if let refusal = checkRecords(changeSet, view: view, covered: covered) { return .refused(refusal) }
        for case .trust(let trust) in changeSet.ops {
            if let refusal = checkTrust(trust, changeSet: changeSet, view: view, root: root, covered: covered) { return .refused(refusal) }
        }
        return .allowed
    }

    /// The home codes a set of certificates covers: municipality codes, and fund codes.
    public static func codes(coveredBy grants: [Grant]) -> Set<String> {
        var codes = Set<String>()
        for grant in grants {
            switch grant.role {
            case .municipality, .fund: codes.formUnion(grant.scope)
            case .province: for province in grant.scope { codes.formUnion(Municipalities.inProvince(province).map(\.code)) }
            }
        }
        return codes
    }

    /// The role whose scope codes a home field holds: `municipality` or `fund`.
    public static func homeRole(of field: String) -> TrustRole? {
        switch field {
        case municipalityField: .municipality
        case fundField: .fund
        default: nil
        }
    }

    private static func checkRecords(_ changeSet: ChangeSet, view: AuthorityView, covered: Set<String>?) -> String? {
        var codes: [RecordKey: Set<String>] = [:]
        for op in changeSet.ops {
            guard let record = op.record else { continue }
            if codes[record] == nil { codes[record] = view.homes[record] ?? [] }
            if case .set(let set) = op, let role = homeRole(of: set.field) {
                guard let code = set.value.stringValue, role.isValidScopeCode(code) else {
                    return "\(record) gets the \(set.field) \(set.value), which is not a \(role) code"
                }
                codes[record, default: []].insert(code)
            }
        }
        guard let covered else { return nil }
        for record in codes.keys.sorted() {
            let needed = codes[record] ?? []
            guard !needed.isEmpty else { return "\(record) has no municipality (or fund) in the change set's view" }
            if let outside = needed.subtracting(covered).sorted().first {
                return "the author has no authority over \(outside), the home of \(record)"
            }
        }
        return nil
    }

    private static func checkTrust(
        _ trust: TrustOperation, changeSet: ChangeSet, view: AuthorityView, root: NodeID, covered: Set<String>?
    ) -> String? {
        switch trust {
        case .grant(let grant):
            return checkCertify(grant, issuer: changeSet.author, view: view, root: root, covered: covered)
        case .revoke(let revocation):
            return checkRevoke(revocation.node, issuer: changeSet.author, view: view, root: root)
        case .rotate(let rotation):
            if let refusal = checkCertify(rotation.grant, issuer: changeSet.author, view: view, root: root, covered: covered) {
                return refusal
            }
            if let refusal = checkRevoke(rotation.old, issuer: changeSet.author, view: view, root: root) { return refusal }
            let statement = Rotation.statement(realm: changeSet.realm, old: rotation.old, new: rotation.new, fromSeq: rotation.fromSeq)
            guard rotation.old.verify(signature: rotation.oldSignature, over: statement) else {
                return "the rotation of \(rotation.old.hex.prefix(12))… is not signed by the old key"
            }
            return nil
        }
    }

    private static func checkCertify(_ grant: Grant, issuer: NodeID, view: AuthorityView, root: NodeID, covered: Set<String>?) -> String? {
        guard grant.node != root, grant.node != issuer else { return "a node cannot certify itself or the network's root" }
        guard let covered else { return nil }
        let isHub = view.grants.contains { $0.role == .province }
        guard isHub, grant.role == .municipality else {
            return "only the root certifies a \(grant.role) node; a province hub certifies municipality nodes of its province"
        }
        if let outside = Set(grant.scope).subtracting(covered).sorted().first {
            return "the issuer has no authority over \(outside) to certify"
        }
        return nil
    }

    private static func checkRevoke(_ node: NodeID, issuer: NodeID, view: AuthorityView, root: NodeID) -> String? {
        guard node != root else { return "the network's root cannot be revoked" }
        guard issuer == root || view.issued.contains(node) else {
            return "only the root or the node's issuer may revoke or rotate \(node.hex.prefix(12))…"
        }
        return nil
    }

    /// The field that holds a record's municipality.
    public static let municipalityField = RecordSchema.Field.municipality
    /// The field that holds the fund a fund's record belongs to.
    public static let fundField = "fund"
}

/// The outcome of `AuthorityRules.check`.
public enum AuthorityVerdict: Hashable, Sendable {
    /// Every operation is within the author's authority.
    case allowed
    /// Refused, with the reason.
    case refused(String)
}
