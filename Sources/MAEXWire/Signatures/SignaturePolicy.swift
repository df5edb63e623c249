import MAEXCore

/// What a node accepts of a signed request, and the pure decision over it.
///
/// `check` runs the cheap part before the body is read: header syntax, algorithm, tag, key id,
/// required components, the validity window and the authority; `verify` then checks the body's
/// `Content-Digest` and the Ed25519 signature. Remembering nonces is the caller's part.
public struct SignaturePolicy: Sendable, Hashable {
    /// The longest `expires - created` accepted, in seconds.
    public var maxValidity: Int64
    /// The clock difference tolerated between signer and verifier, in seconds.
    public var clockSkew: Int64
    /// The accepted `tag` parameter.
    public var tag: String

    /// Creates a policy (defaults: 300 s validity at most, 30 s skew, tag `maex-sync`).
    public init(maxValidity: Int64 = 300, clockSkew: Int64 = 30, tag: String = RequestSigner.tag) {
        self.maxValidity = maxValidity
        self.clockSkew = clockSkew
        self.tag = tag
    }

    /// The longest length of a nonce accepted.
    public static let maxNonceLength = 128

    /// A signature that passed the cheap checks: who claims to have signed, the base to
    /// verify and what the nonce registry needs.
    public struct Checked: Sendable, Hashable {
        /// The node named by `keyid`.
        public var signer: NodeID
        /// The signature base derived from the received request.
        public var base: String
        /// The signature bytes.
        public var signature: [UInt8]
        /// The nonce.
        public var nonce: String
        /// `expires`, in Unix seconds.
        public var expires: Int64
        /// Whether `content-digest` is covered (then the body must match it).
        public var coversDigest: Bool
    }

    /// The cheap checks.
    /// - Parameters:
    ///   - signature: The parsed signature headers.
    ///   - message: The received request (its fields include `Content-Digest` if sent).
    ///   - hasBody: Whether the request carries a body (then `content-digest` must be covered).
    ///   - now: Unix time in seconds.
    ///   - acceptsAuthority: Whether the signed `@authority` names this node.
    /// - Throws: `MessageSignatureError` naming the first problem found.
    public func check(
        _ signature: RequestSignature, message: SignatureMessage, hasBody: Bool, now: Int64,
        acceptsAuthority: (String) -> Bool
    ) throws(MessageSignatureError) -> Checked {
        guard let algorithm = signature.algorithm else { throw .malformed("the alg parameter is missing") }
        guard algorithm == RequestSigner.algorithm else { throw .unsupported("the algorithm \"\(algorithm.prefix(40))\"; use ed25519") }
        guard signature.tag == tag else { throw .unsupported("the tag \"\((signature.tag ?? "").prefix(40))\"; expected \"\(tag)\"") }
        guard let keyText = signature.keyID, let signer = try? NodeID(hex: keyText) else {
            throw .malformed("keyid must be the signing node's id (64 lowercase hex characters)")
        }
        guard let nonce = signature.nonce, !nonce.isEmpty, nonce.utf8.count <= Self.maxNonceLength else {
            throw .malformed("a nonce of 1 to \(Self.maxNonceLength) characters is required")
        }
        guard signature.signature.count == 64 else { throw .malformed("an Ed25519 signature has 64 bytes") }
        guard let created = signature.created, let expires = signature.expires else {
            throw .malformed("the created and expires parameters are required")
        }
        guard expires > created else { throw .malformed("expires must be after created") }
        guard expires - created <= maxValidity else { throw .validityTooLong(seconds: expires - created, limit: maxValidity) }
        guard created <= now + clockSkew else { throw .notYetValid(created: created, now: now) }
        guard now <= expires + clockSkew else { throw .expired(expires: expires, now: now) }
        let components = signature.components
        var required = ["@method", "@authority", "@path"]
        if message.query != nil { required.append("@query") }
        if hasBody { required.append("content-digest") }
        if let absent = required.first(where: { !components.contains($0) }) {
            throw .incomplete("\"\(absent)\" is not covered")
        }
        guard acceptsAuthority(message.authority) else { throw .wrongAuthority(message.authority) }
        let base = try SignatureBase.build(covering: signature.covered, of: message)
        return Checked(
            signer: signer, base: base, signature: signature.signature, nonce: nonce, expires: expires,
            coversDigest: components.contains("content-digest"))
    }

    /// The expensive checks, once the body is read: its digest (when covered), then the signature.
    /// - Returns: The node that signed.
    /// - Throws: `MessageSignatureError.digestMismatch` or `.badSignature`.
    public func verify(_ checked: Checked, contentDigest: String?, body: some Sequence<UInt8>) throws(MessageSignatureError) -> NodeID {
        if checked.coversDigest { try ContentDigest.check(contentDigest, body: body) }
        guard checked.signer.verify(signature: checked.signature, over: Array(checked.base.utf8)) else { throw .badSignature }
        return checked.signer
    }
}
