import Crypto

/// SHA-256 for protocol code outside the core that must not depend on swift-crypto itself
/// (the `Content-Digest` of signed HTTP requests).
public enum SHA256Hash {
    /// The 32-byte SHA-256 digest of `bytes`.
    public static func digest(_ bytes: some Sequence<UInt8>) -> [UInt8] {
        Array(SHA256.hash(data: Array(bytes)))
    }
}
