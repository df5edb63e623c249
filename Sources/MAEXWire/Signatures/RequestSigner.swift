import MAEXCore

/// Signs requests as the calling node: HTTP Message Signatures (RFC 9421) with Ed25519, the
/// node id as `keyid`, covering `@method`, `@authority`, `@path`, `@query` (when the target
/// has one) and `content-digest` (when a body is sent), with `created`, `expires`, `nonce`,
/// `alg` and `tag` parameters.
public struct RequestSigner: Sendable {
    /// The label of the signature in `Signature-Input` and `Signature`.
    public static let label = "maex"
    /// The application tag (`tag` parameter).
    public static let tag = "maex-sync"
    /// The algorithm name (`alg` parameter).
    public static let algorithm = "ed25519"
    /// The validity of a signature this signer makes, in seconds.
    public static let defaultValidity: Int64 = 60

    /// The node's key.
    public let key: SigningKey
    /// Seconds from `created` to `expires`.
    public var validity: Int64

    /// Signs with `key`.
    public init(key: SigningKey, validity: Int64 = RequestSigner.defaultValidity) {
        self.key = key
        self.validity = validity
    }

    /// The node id the signatures name.
    public var nodeID: NodeID { key.nodeID }

    /// The header fields to add to a request: `Content-Digest` (when `body` is given),
    /// `Signature-Input` and `Signature`.
    ///
    /// - Parameters:
    ///   - method: The request method, e.g. `POST`.
    ///   - authority: The target's `@authority` (see `SignatureMessage.authority(scheme:host:port:)`).
    ///   - path: The absolute path as sent.
    ///   - query: The query without `?`, if any.
    ///   - body: The body sent; `nil` for none (no digest is covered then).
    ///   - now: Unix time in seconds (the `created` parameter).
    ///   - nonce: A fresh random value for this request, never reused.
    public func headers(
        method: String, authority: String, path: String, query: String? = nil, body: [UInt8]?, now: Int64, nonce: String
    ) -> [(name: String, value: String)] {
        var fields: [(name: String, value: String)] = []
        var components = ["@method", "@authority", "@path"]
        if query != nil { components.append("@query") }
        if let body {
            fields.append((ContentDigest.fieldName, ContentDigest.value(for: body)))
            components.append("content-digest")
        }
        let covered = StructuredField.InnerList(
            components.map { StructuredField.Item(.string($0)) },
            parameters: StructuredField.Parameters([
                ("created", .integer(now)), ("expires", .integer(now + validity)), ("nonce", .string(nonce)),
                ("alg", .string(Self.algorithm)), ("keyid", .string(key.nodeID.hex)), ("tag", .string(Self.tag)),
            ]))
        let message = SignatureMessage(method: method, authority: authority, path: path, query: query, fields: fields)
        // Every component is derived or one of the fields just added: building cannot fail.
        let base = (try? SignatureBase.build(covering: covered, of: message)) ?? ""
        let signature = key.sign(Array(base.utf8))
        fields.append(("Signature-Input", "\(Self.label)=\(covered.serialized)"))
        fields.append(("Signature", "\(Self.label)=:\(Base64.encode(signature)):"))
        return fields
    }
}
