/// The MAEX Ed25519 acceptance policy for public keys and signature encodings.
///
/// The policy is purely syntactic (byte comparisons only) so that every
/// implementation, in any language, reaches the same decision. The normative
/// text is `protocol/ED25519.md`; in short a 32-byte public key is refused when
///
/// 1. its y coordinate (low 255 bits, little-endian) is >= p = 2^255 - 19, or it
///    encodes x = 0 with the sign bit set (`KeyError.nonCanonicalEncoding`);
/// 2. it is one of the 8 small-order points (`KeyError.smallOrder`).
///
/// Everything else is accepted as a key, including points that are not on the
/// curve (no signature ever verifies for them) and mixed-order points (a
/// prime-order point plus a small-order component; verification is cofactorless).
public enum Ed25519Policy {
    /// Length in bytes of a public key (an encoded point).
    static let publicKeyLength = 32
    /// Length in bytes of a signature `R || S`.
    static let signatureLength = 64
    /// Length in bytes of a private key seed (RFC 8032 private key).
    static let seedLength = 32

    /// p = 2^255 - 19, little-endian.
    static let fieldPrime: [UInt8] = [
        0xed, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
        0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f,
    ]

    /// L = 2^252 + 27742317777372353535851937790883648493, the prime group order, little-endian.
    static let groupOrder: [UInt8] = [
        0xed, 0xd3, 0xf5, 0x5c, 0x1a, 0x63, 0x12, 0x58, 0xd6, 0x9c, 0xf7, 0xa2, 0xde, 0xf9, 0xde, 0x14,
        0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x10,
    ]

    /// The y coordinates (little-endian, sign bit clear) of the 8 small-order
    /// points: y = 0 (order 4, two points), y = 1 (identity), y = p - 1 (order 2)
    /// and two y values of order 8 (two points each).
    static let smallOrderY: [[UInt8]] = [
        [UInt8](repeating: 0, count: 32),
        [0x01] + [UInt8](repeating: 0, count: 31),
        [0xec] + [UInt8](repeating: 0xff, count: 30) + [0x7f],
        [
            0x26, 0xe8, 0x95, 0x8f, 0xc2, 0xb2, 0x27, 0xb0, 0x45, 0xc3, 0xf4, 0x89, 0xf2, 0xef, 0x98, 0xf0,
            0xd5, 0xdf, 0xac, 0x05, 0xd3, 0xc6, 0x33, 0x39, 0xb1, 0x38, 0x02, 0x88, 0x6d, 0x53, 0xfc, 0x05,
        ],
        [
            0xc7, 0x17, 0x6a, 0x70, 0x3d, 0x4d, 0xd8, 0x4f, 0xba, 0x3c, 0x0b, 0x76, 0x0d, 0x10, 0x67, 0x0f,
            0x2a, 0x20, 0x53, 0xfa, 0x2c, 0x39, 0xcc, 0xc6, 0x4e, 0xc7, 0xfd, 0x77, 0x92, 0xac, 0x03, 0x7a,
        ],
    ]

    /// The two y values whose point has x = 0 (y = 1 and y = p - 1): their
    /// encoding with the sign bit set is "negative zero", which is non-canonical.
    static let zeroXY: [[UInt8]] = [smallOrderY[1], smallOrderY[2]]

    /// Applies the public-key acceptance policy to `publicKey`.
    ///
    /// - Throws: `KeyError.wrongLength` unless exactly 32 bytes,
    ///   `KeyError.nonCanonicalEncoding` for y >= p or negative zero,
    ///   `KeyError.smallOrder` for the 8 small-order points.
    public static func check(publicKey: [UInt8]) throws(KeyError) {
        guard publicKey.count == publicKeyLength else {
            throw .wrongLength(expected: publicKeyLength, actual: publicKey.count)
        }
        try checkPoint(publicKey[...])
    }

    /// The encoding checks shared by public keys and the `R` half of a
    /// signature. `point` must hold exactly 32 bytes.
    static func checkPoint(_ point: ArraySlice<UInt8>) throws(KeyError) {
        var y = Array(point)
        let signBitSet = y[31] & 0x80 != 0
        y[31] &= 0x7f
        if !lessThanLittleEndian(y[...], fieldPrime) {
            throw .nonCanonicalEncoding
        }
        if signBitSet && zeroXY.contains(y) {
            throw .nonCanonicalEncoding
        }
        if smallOrderY.contains(y) {
            throw .smallOrder
        }
    }

    /// Whether `signature` passes the encoding part of the policy: exactly 64
    /// bytes, `R` accepted by the same rules as a public key, and `S < L`.
    /// The curve equation itself is checked by the Ed25519 library.
    static func isAcceptableSignatureEncoding(_ signature: [UInt8]) -> Bool {
        guard signature.count == signatureLength else { return false }
        do {
            try checkPoint(signature[0..<32])
        } catch {
            return false
        }
        return isCanonicalScalar(signature[32..<64])
    }

    /// Whether the 32-byte little-endian scalar is < L.
    static func isCanonicalScalar(_ scalar: ArraySlice<UInt8>) -> Bool {
        lessThanLittleEndian(scalar, groupOrder)
    }

    /// `a < b` for two 32-byte little-endian unsigned integers.
    static func lessThanLittleEndian(_ a: ArraySlice<UInt8>, _ b: [UInt8]) -> Bool {
        precondition(a.count == b.count, "operands must have the same length")
        let base = a.startIndex
        for offset in stride(from: b.count - 1, through: 0, by: -1) {
            let left = a[base + offset]
            let right = b[offset]
            if left != right { return left < right }
        }
        return false
    }
}
