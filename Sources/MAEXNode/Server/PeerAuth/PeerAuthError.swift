import HTTPTypes
import Hummingbird
import MAEXWire

extension APIError {
    /// 401: the signature is missing or not accepted; the answer says how to sign.
    static func unauthenticated(_ error: MessageSignatureError, realm: String) -> APIError {
        var headers = HTTPFields()
        headers[.wwwAuthenticate] = "Signature realm=\"\(realm)\""
        if let name = HTTPField.Name("Accept-Signature") {
            headers[name] = "\(RequestSigner.label)=(\"@method\" \"@authority\" \"@path\" \"content-digest\");created;expires;nonce;alg=\"ed25519\";keyid;tag=\"\(RequestSigner.tag)\""
        }
        return APIError(.unauthorized, code: error.code, message: error.message, headers: headers)
    }

    /// 403: a valid signature of a node that may not sync with this one.
    static func forbidden(_ standing: PeerStanding, node: String) -> APIError {
        switch standing {
        case .revoked:
            APIError(.forbidden, code: "peer_revoked", message: "node \(node) is no longer a member of this network")
        case .member, .unknown:
            APIError(.forbidden, code: "peer_unknown", message: "node \(node) is not a member of this network")
        }
    }

    /// 429 with `Retry-After` in whole seconds (at least 1).
    static func rateLimited(retryAfterMilliseconds: Int64, what: String) -> APIError {
        let seconds = max(1, (retryAfterMilliseconds + 999) / 1000)
        var headers = HTTPFields()
        headers[.retryAfter] = "\(seconds)"
        return APIError(.tooManyRequests, code: "rate_limited", message: "too many requests \(what); retry after \(seconds) s", headers: headers)
    }
}
