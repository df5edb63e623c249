import MAEXCore

/// A change set on the wire: its exact signed bytes as a JSON string, and the signature.
///
/// The body is canonical JSON (valid UTF-8), so it travels as a string without loss; relays
/// forward it verbatim.
public struct WireChangeSet: Codable, Hashable, Sendable {
    /// The signed bytes, as text.
    public var body: String
    /// The Ed25519 signature, base64.
    public var sig: String

    /// Creates a wire change set.
    public init(body: String, sig: String) {
        self.body = body
        self.sig = sig
    }

    /// The wire form of a signed change set.
    public init(_ signed: SignedChangeSet) {
        body = String(decoding: signed.body, as: UTF8.self)
        sig = Base64.encode(signed.signature)
    }

    /// The raw bytes to verify: body and signature (an undecodable signature becomes empty and
    /// fails verification with a clear reason).
    public var raw: (body: [UInt8], signature: [UInt8]) {
        (Array(body.utf8), Base64.decode(sig) ?? [])
    }
}
