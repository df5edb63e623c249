/// An operation that changes who may do what in the network. It travels inside an ordinary
/// change set of its issuer, so it is signed, relayed and stored like every other edit.
public enum TrustOperation: Hashable, Sendable {
    /// Certifies a node: its role and scope.
    case grant(Grant)
    /// Withdraws a node's authority from one of its sequence numbers on.
    case revoke(Revocation)
    /// Moves a node to a new key: the new key is certified, the old one revoked from a sequence.
    case rotate(Rotation)

    /// The node the operation is about (the new key for a rotation).
    public var subject: NodeID {
        switch self {
        case .grant(let grant): grant.node
        case .revoke(let revocation): revocation.node
        case .rotate(let rotation): rotation.new
        }
    }
}

/// A certificate: `node` may act as `role` over `scope`.
public struct Grant: Hashable, Sendable {
    /// The certified node.
    public var node: NodeID
    /// Its role.
    public var role: TrustRole
    /// Its scope codes, sorted and unique (`GM0718`, `PV29`, a fund word).
    public var scope: [String]

    /// Creates a certificate; the scope is sorted and made unique.
    public init(node: NodeID, role: TrustRole, scope: [String]) {
        self.node = node
        self.role = role
        self.scope = Array(Set(scope)).sorted()
    }
}

/// A revocation: `node`'s change sets from sequence `fromSeq` on are no longer valid.
public struct Revocation: Hashable, Sendable {
    /// The revoked node.
    public var node: NodeID
    /// The first sequence number that is no longer valid (1 revokes everything).
    public var fromSeq: Int64

    /// Creates a revocation.
    public init(node: NodeID, fromSeq: Int64) {
        self.node = node
        self.fromSeq = fromSeq
    }
}

/// A key rotation, issued (countersigned) by the issuer of the old key's certificate.
///
/// `oldSignature` is the old key's signature over `RotationStatement` bytes, so the old key
/// consents; the issuer's signature on the carrying change set certifies the new key with
/// `role` and `scope`. The old key's change sets before `fromSeq` stay valid for ever.
public struct Rotation: Hashable, Sendable {
    /// The old key.
    public var old: NodeID
    /// The new key.
    public var new: NodeID
    /// The role the new key holds.
    public var role: TrustRole
    /// The scope the new key holds, sorted and unique.
    public var scope: [String]
    /// The old key's first sequence number that is no longer valid.
    public var fromSeq: Int64
    /// The old key's Ed25519 signature over the rotation statement (64 bytes).
    public var oldSignature: [UInt8]

    /// Creates a rotation; the scope is sorted and made unique.
    public init(old: NodeID, new: NodeID, role: TrustRole, scope: [String], fromSeq: Int64, oldSignature: [UInt8]) {
        self.old = old
        self.new = new
        self.role = role
        self.scope = Array(Set(scope)).sorted()
        self.fromSeq = fromSeq
        self.oldSignature = oldSignature
    }

    /// The certificate the rotation gives the new key.
    public var grant: Grant { Grant(node: new, role: role, scope: scope) }

    /// The bytes the old key signs: the canonical JSON of
    /// `{"from_seq":N,"new":hex,"old":hex,"purpose":"maex-rotate","realm":realm}`.
    public static func statement(realm: String, old: NodeID, new: NodeID, fromSeq: Int64) -> [UInt8] {
        JSONValue.object([
            "purpose": .string("maex-rotate"), "realm": .string(realm), "old": .string(old.hex), "new": .string(new.hex),
            "from_seq": .int(fromSeq),
        ]).canonicalBytes
    }
}
