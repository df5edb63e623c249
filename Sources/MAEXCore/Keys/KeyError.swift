/// Why a key, a seed or their textual form was refused.
///
/// Every refusal of the Ed25519 public-key acceptance policy (see
/// `protocol/ED25519.md`) maps to exactly one case, so callers and tests can
/// tell the reasons apart.
public enum KeyError: Error, Equatable, CustomStringConvertible {
    /// The input has the wrong length. For byte inputs (public keys, seeds)
    /// the lengths are in bytes; for the textual form of a `NodeID` they are in
    /// characters (UTF-8 code units).
    case wrongLength(expected: Int, actual: Int)
    /// The text contains a character other than `0`-`9` and `a`-`f`
    /// (uppercase hex digits are refused too: the textual form is lowercase only).
    case notHex
    /// The 32 bytes are not the canonical encoding of a curve point: the
    /// y coordinate (low 255 bits, little-endian) is >= p = 2^255 - 19, or
    /// x = 0 is encoded with the sign bit set ("negative zero").
    case nonCanonicalEncoding
    /// The 32 bytes canonically encode one of the 8 points of small order
    /// (order 1, 2, 4 or 8); such keys admit signatures valid for many messages.
    case smallOrder

    /// A human-readable explanation; never contains secret material.
    public var description: String {
        switch self {
        case let .wrongLength(expected, actual):
            return "wrong length: expected \(expected), got \(actual)"
        case .notHex:
            return "not lowercase hexadecimal: only the characters 0-9 and a-f are allowed"
        case .nonCanonicalEncoding:
            return "non-canonical Ed25519 point encoding (y >= 2^255-19, or x = 0 with the sign bit set)"
        case .smallOrder:
            return "Ed25519 point of small order (order 1, 2, 4 or 8) refused by policy"
        }
    }
}
