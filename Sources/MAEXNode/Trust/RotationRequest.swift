import MAEXCore

/// What a node asks its issuer to countersign when it moves to a new key: the rotation with the
/// old key's signature. Written by `trust rotate --prepare`, read by `trust rotate --request`.
public struct RotationRequest: Codable, Hashable, Sendable {
    /// The network.
    public var realm: String
    /// The old key (the node's id until the rotation is active).
    public var old: NodeID
    /// The new key.
    public var new: NodeID
    /// The role the new key asks for (the node's).
    public var role: String
    /// The scope the new key asks for (the node's).
    public var scope: [String]
    /// The old key's first sequence that will no longer be valid.
    public var fromSeq: Int64
    /// The old key's signature over the rotation statement, hex.
    public var oldSignature: String

    enum CodingKeys: String, CodingKey {
        case realm, old, new, role, scope
        case fromSeq = "from_seq"
        case oldSignature = "old_sig"
    }

    /// Signs a request with the old key.
    public init(realm: String, oldKey: SigningKey, new: NodeID, role: TrustRole, scope: [String], fromSeq: Int64) {
        self.realm = realm
        old = oldKey.nodeID
        self.new = new
        self.role = role.rawValue
        self.scope = scope
        self.fromSeq = fromSeq
        oldSignature = Hex.encode(oldKey.sign(Rotation.statement(realm: realm, old: oldKey.nodeID, new: new, fromSeq: fromSeq)))
    }

    /// The rotation operation, checked for shape (the old key's signature is checked by every
    /// node that receives it, see `AuthorityRules`).
    public func rotation() throws(TrustRequestError) -> Rotation {
        guard let trustRole = TrustRole(rawValue: role) else { throw .invalid("role \"\(role.prefix(40))\" is not municipality, province or fund") }
        guard fromSeq >= 1 else { throw .invalid("from_seq must be at least 1") }
        guard let signature = Hex.decode(oldSignature), signature.count == 64 else { throw .invalid("old_sig is not 128 hex characters") }
        let statement = Rotation.statement(realm: realm, old: old, new: new, fromSeq: fromSeq)
        guard old.verify(signature: signature, over: statement) else { throw .invalid("old_sig is not the old key's signature of this rotation") }
        return Rotation(old: old, new: new, role: trustRole, scope: scope, fromSeq: fromSeq, oldSignature: signature)
    }
}

/// Why a rotation request cannot be used.
public enum TrustRequestError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The request is malformed or its signature does not verify.
    case invalid(String)

    public var description: String {
        switch self {
        case .invalid(let reason): "invalid rotation request: \(reason)"
        }
    }
}
