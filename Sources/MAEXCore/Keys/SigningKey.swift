import Crypto
import Foundation

/// A node's secret Ed25519 signing key.
///
/// Its `description`, `debugDescription` and reflection (`dump`, `Mirror`) show
/// only the `nodeID`, never the secret.
///
/// Signatures: on Linux swift-crypto uses BoringSSL's `ED25519_sign`, which is
/// deterministic as specified by RFC 8032 (same key and message, same bytes;
/// checked against the RFC 8032 vectors in the tests). On Apple platforms
/// swift-crypto re-exports CryptoKit, whose Ed25519 signatures are randomized.
/// Protocol code must never rely on signature bytes being reproducible; both
/// kinds verify the same way.
public struct SigningKey: Sendable {
    private let privateKey: Curve25519.Signing.PrivateKey

    /// The public identity of this key.
    public let nodeID: NodeID

    /// Generates a new random key.
    public init() {
        self.init(privateKey: Curve25519.Signing.PrivateKey())
    }

    /// Restores a key from its 32-byte seed (the RFC 8032 private key).
    ///
    /// - Throws: `KeyError.wrongLength(expected: 32, actual:)`.
    public init(seed: [UInt8]) throws(KeyError) {
        guard seed.count == Ed25519Policy.seedLength else {
            throw .wrongLength(expected: Ed25519Policy.seedLength, actual: seed.count)
        }
        let key: Curve25519.Signing.PrivateKey
        do {
            key = try Curve25519.Signing.PrivateKey(rawRepresentation: seed)
        } catch {
            throw .wrongLength(expected: Ed25519Policy.seedLength, actual: seed.count)
        }
        self.init(privateKey: key)
    }

    private init(privateKey: Curve25519.Signing.PrivateKey) {
        self.privateKey = privateKey
        self.nodeID = NodeID(derivedPublicKey: [UInt8](privateKey.publicKey.rawRepresentation))
    }

    /// The 32-byte seed. Only for writing the key file; never log it.
    public var seed: [UInt8] { [UInt8](privateKey.rawRepresentation) }

    /// Signs `message`, returning the 64-byte signature `R || S`.
    ///
    /// Deterministic on Linux (BoringSSL, RFC 8032), randomized on Apple platforms.
    public func sign(_ message: [UInt8]) -> [UInt8] {
        do {
            return [UInt8](try privateKey.signature(for: message))
        } catch {
            // BoringSSL's ED25519_sign cannot fail; CryptoKit only fails on
            // internal errors. There is no meaningful signature to return.
            preconditionFailure("Ed25519 signing failed: \(error)")
        }
    }
}

extension SigningKey: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// Shows the public identity only.
    public var description: String { "SigningKey(nodeID: \(nodeID.hex))" }

    /// Shows the public identity only.
    public var debugDescription: String { description }

    /// Exposes the public identity only, so `dump` cannot reveal the seed.
    public var customMirror: Mirror { Mirror(self, children: ["nodeID": nodeID], displayStyle: .struct) }
}
