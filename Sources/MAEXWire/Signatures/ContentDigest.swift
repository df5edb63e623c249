import MAEXCore

/// The `Content-Digest` field (RFC 9530) with the `sha-256` algorithm: `sha-256=:BASE64:`.
public enum ContentDigest {
    /// The field name.
    public static let fieldName = "Content-Digest"

    /// The field value for `body`.
    public static func value(for body: some Sequence<UInt8>) -> String {
        "sha-256=:" + Base64.encode(SHA256Hash.digest(body)) + ":"
    }

    /// Checks a received field value against the body received.
    /// - Throws: `MessageSignatureError.digestMismatch` when the field is absent, not a
    ///   dictionary, has no `sha-256` byte sequence of 32 bytes, or the digest differs. Other
    ///   algorithms in the field are ignored.
    public static func check(_ field: String?, body: some Sequence<UInt8>) throws(MessageSignatureError) {
        guard let field else { throw .digestMismatch("the header is missing") }
        let dictionary: StructuredField.Dictionary
        do {
            dictionary = try StructuredField.parseDictionary(field)
        } catch {
            throw .digestMismatch("not a structured dictionary (\(error))")
        }
        guard case .item(let item) = dictionary["sha-256"], case .byteSequence(let expected) = item.bareItem, expected.count == 32 else {
            throw .digestMismatch("no sha-256 digest of 32 bytes")
        }
        guard SHA256Hash.digest(body) == expected else { throw .digestMismatch("the body does not match its sha-256 digest") }
    }
}
