/// Why a signed request is not accepted (HTTP Message Signatures, RFC 9421). Each case has a
/// stable `code` for the 401 answer's `ErrorBody` and a `message` for people.
public enum MessageSignatureError: Error, Hashable, Sendable, CustomStringConvertible {
    /// No `Signature-Input` or no `Signature` header.
    case missing
    /// A header is not the expected Structured Field, or a parameter has the wrong type.
    case malformed(String)
    /// Well-formed but outside what this node accepts (another algorithm, component parameters).
    case unsupported(String)
    /// A component this request must cover is not covered (or a covered field is absent).
    case incomplete(String)
    /// `expires` (plus the allowed clock skew) has passed.
    case expired(expires: Int64, now: Int64)
    /// `created` lies in the future beyond the allowed clock skew.
    case notYetValid(created: Int64, now: Int64)
    /// `expires - created` exceeds the longest validity accepted.
    case validityTooLong(seconds: Int64, limit: Int64)
    /// The signed `@authority` is not one of this node's.
    case wrongAuthority(String)
    /// `Content-Digest` is missing, has no `sha-256`, or does not match the body.
    case digestMismatch(String)
    /// The Ed25519 signature does not verify with the key named by `keyid`.
    case badSignature
    /// The nonce was already used by this key within its validity.
    case replayed

    /// The stable error code.
    public var code: String {
        switch self {
        case .missing: "signature_missing"
        case .malformed: "signature_malformed"
        case .unsupported: "signature_unsupported"
        case .incomplete: "signature_incomplete"
        case .expired: "signature_expired"
        case .notYetValid: "signature_not_yet_valid"
        case .validityTooLong: "signature_validity_too_long"
        case .wrongAuthority: "wrong_authority"
        case .digestMismatch: "digest_mismatch"
        case .badSignature: "signature_invalid"
        case .replayed: "signature_replayed"
        }
    }

    /// A sentence for people.
    public var message: String {
        switch self {
        case .missing: "this request must be signed by the calling node (Signature-Input and Signature headers, RFC 9421)"
        case .malformed(let reason): "the signature headers are malformed: \(reason)"
        case .unsupported(let reason): "the signature is not supported: \(reason)"
        case .incomplete(let reason): "the signature does not cover what it must: \(reason)"
        case .expired(let expires, let now): "the signature expired at \(expires) (now \(now))"
        case .notYetValid(let created, let now): "the signature was created in the future (\(created), now \(now)); check the clock"
        case .validityTooLong(let seconds, let limit): "the signature is valid for \(seconds) s; at most \(limit) s is accepted"
        case .wrongAuthority(let authority): "the signature is for \"\(authority.prefix(100))\", not for this node"
        case .digestMismatch(let reason): "Content-Digest: \(reason)"
        case .badSignature: "the signature does not verify with the key named by keyid"
        case .replayed: "this signed request was already received (nonce reused)"
        }
    }

    public var description: String { "\(code): \(message)" }
}
