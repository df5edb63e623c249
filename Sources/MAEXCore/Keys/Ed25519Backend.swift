import Crypto
import Foundation

/// The thin layer over swift-crypto's Ed25519 (BoringSSL on Linux).
///
/// It applies no MAEX policy; `NodeID.verify(signature:over:)` and
/// `SigningKey` wrap it with the policy. Kept separate so tests can observe
/// what the library alone accepts.
enum Ed25519Backend {
    /// The library's own verification: RFC 8032 cofactorless equation, with
    /// `encode([S]B - [k]A)` compared byte for byte with `R`, and `S < L`.
    /// Returns false for keys that do not decode to a curve point.
    static func libraryVerify(publicKey: [UInt8], signature: [UInt8], message: [UInt8]) -> Bool {
        guard let key = try? Curve25519.Signing.PublicKey(rawRepresentation: publicKey) else {
            return false
        }
        return key.isValidSignature(signature, for: message)
    }
}
