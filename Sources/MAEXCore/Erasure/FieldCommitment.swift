/// A salted commitment to a field value: the building block of erasure in the signed log
/// (`protocol/ERASURE.md` section 2; **design stage**: no change set carries one yet).
///
/// `hash = SHA-256("maex-commit-v2" || 0x00 || salt || canonical JSON bytes of value)`, with a
/// fresh 32-byte salt per value. The signed body would hold only the hash; the value and salt
/// (the opening) travel beside it and are what an erasure deletes. Pure.
public enum FieldCommitment {
    /// The domain prefix, so commitments never collide with change-set ids.
    public static let domain: [UInt8] = Array("maex-commit-v2".utf8) + [0]
    /// The length of a salt in bytes.
    public static let saltLength = 32

    /// The commitment to `value` under `salt`, as 64 lowercase hex characters.
    /// - Throws: `CommitmentError.badSalt` unless `salt` has `saltLength` bytes.
    public static func hash(_ value: JSONValue, salt: [UInt8]) throws(CommitmentError) -> String {
        guard salt.count == saltLength else { throw .badSalt(length: salt.count) }
        return Hex.encode(SHA256Hash.digest(domain + salt + value.canonicalBytes))
    }

    /// Whether `value` and `salt` open the commitment `hash` (a hex string as written).
    public static func opens(_ hash: String, value: JSONValue, salt: [UInt8]) -> Bool {
        guard let expected = try? Self.hash(value, salt: salt) else { return false }
        return expected == hash
    }

    /// A fresh random salt.
    public static func makeSalt() -> [UInt8] {
        var generator = SystemRandomNumberGenerator()
        return (0..<saltLength).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
    }
}

/// Why a commitment cannot be made.
public enum CommitmentError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The salt does not have `FieldCommitment.saltLength` bytes.
    case badSalt(length: Int)

    public var description: String {
        switch self {
        case .badSalt(let length): "a commitment salt has \(FieldCommitment.saltLength) bytes, not \(length)"
        }
    }
}
