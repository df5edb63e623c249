/// The identity of a node: its 32-byte Ed25519 public key.
///
/// A `NodeID` can only be created from bytes that pass `Ed25519Policy`.
/// Its textual form is exactly 64 lowercase hex characters.
public struct NodeID: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The 32 bytes of the encoded public key (RFC 8032 encoding).
    public let rawBytes: [UInt8]

    /// Creates a node identity from an encoded public key.
    ///
    /// - Throws: `KeyError.wrongLength`, `.nonCanonicalEncoding` or `.smallOrder`
    ///   (see `Ed25519Policy.check(publicKey:)`).
    public init(rawBytes: [UInt8]) throws(KeyError) {
        try Ed25519Policy.check(publicKey: rawBytes)
        self.rawBytes = rawBytes
    }

    /// Parses the textual form: exactly 64 lowercase hex characters, then the policy.
    ///
    /// - Throws: `KeyError.notHex` for any character outside `0-9a-f`
    ///   (including uppercase), `.wrongLength(expected: 64, actual:)` (in characters),
    ///   then the policy errors of `init(rawBytes:)`.
    public init(hex: String) throws(KeyError) {
        let bytes = try Ed25519Hex.decode(hex, byteCount: Ed25519Policy.publicKeyLength)
        try self.init(rawBytes: bytes)
    }

    /// For public keys freshly derived from a private key: those are always
    /// canonical and of prime order, so the policy holds by construction.
    init(derivedPublicKey bytes: [UInt8]) {
        assert((try? Ed25519Policy.check(publicKey: bytes)) != nil, "derived public key violates policy")
        self.rawBytes = bytes
    }

    /// The textual form: 64 lowercase hex characters.
    public var hex: String { Ed25519Hex.encode(rawBytes) }

    /// Same as `hex`.
    public var description: String { hex }

    /// Lexicographic order of `rawBytes`, which equals the order of the `hex` strings.
    public static func < (lhs: NodeID, rhs: NodeID) -> Bool {
        lhs.rawBytes.lexicographicallyPrecedes(rhs.rawBytes)
    }

    /// Verifies an Ed25519 signature by this node over `message`.
    ///
    /// Returns false for anything that is not exactly 64 bytes, whose `R` half
    /// is refused by the policy (non-canonical or small order), whose `S` is not
    /// below the group order L, or that fails RFC 8032 cofactorless
    /// verification (always the case when the key is not a curve point).
    public func verify(signature: [UInt8], over message: [UInt8]) -> Bool {
        guard Ed25519Policy.isAcceptableSignatureEncoding(signature) else { return false }
        return Ed25519Backend.libraryVerify(publicKey: rawBytes, signature: signature, message: message)
    }
}
