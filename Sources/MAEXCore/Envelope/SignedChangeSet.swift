/// A change set together with its exact signed bytes, its signature and its id.
///
/// The bytes are the truth: they are stored and relayed verbatim, and `changeSet` is only their
/// decoded view. Create one with `ChangeSet.signed(with:)` or `SignedChangeSet.open(...)`.
public struct SignedChangeSet: Hashable, Sendable {
    /// The canonical JSON bytes that were signed.
    public let body: [UInt8]
    /// The 64-byte Ed25519 signature over `body` by `changeSet.author`.
    public let signature: [UInt8]
    /// SHA-256 of `body`.
    public let id: ChangeSetID
    /// The decoded content.
    public let changeSet: ChangeSet

    private init(body: [UInt8], signature: [UInt8], id: ChangeSetID, changeSet: ChangeSet) {
        self.body = body
        self.signature = signature
        self.id = id
        self.changeSet = changeSet
    }

    /// Checks received bytes: size, canonical JSON, the envelope rules, the realm, then the
    /// signature (the expensive check comes last).
    public static func open(body: [UInt8], signature: [UInt8], realm: String) throws(EnvelopeError) -> SignedChangeSet {
        let changeSet = try decode(body: body)
        guard changeSet.realm == realm else { throw .wrongRealm(expected: realm, actual: changeSet.realm) }
        guard changeSet.author.verify(signature: signature, over: body) else { throw .badSignature }
        return SignedChangeSet(body: body, signature: signature, id: ChangeSetID(hashing: body), changeSet: changeSet)
    }

    /// Decodes bytes without checking realm or signature (for inspection of stored bytes).
    public static func decode(body: [UInt8]) throws(EnvelopeError) -> ChangeSet {
        guard body.count <= EnvelopeLimits.maxBodyBytes else {
            throw .tooLarge(size: body.count, limit: EnvelopeLimits.maxBodyBytes)
        }
        let value: JSONValue
        do { value = try JSONValue(canonicalBytes: body) } catch { throw .malformedJSON(error) }
        return try ChangeSet(decoding: value)
    }

    /// Wraps bytes that were verified before, e.g. rows read back from the node's own log.
    public static func trusted(body: [UInt8], signature: [UInt8], changeSet: ChangeSet) -> SignedChangeSet {
        SignedChangeSet(body: body, signature: signature, id: ChangeSetID(hashing: body), changeSet: changeSet)
    }
}

extension ChangeSet {
    /// Encodes and signs this change set. The key must be the author's.
    public func signed(with key: SigningKey) -> SignedChangeSet {
        let body = canonicalBytes
        return SignedChangeSet.trusted(body: body, signature: key.sign(body), changeSet: self)
    }
}
