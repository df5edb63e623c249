import Foundation
import MAEXWire

extension HTTPTransport {
    /// `request` with the signature headers of the transport's signer added (unchanged when
    /// the transport has none). Called for every attempt, so a retried request carries a new
    /// nonce and creation time and is never answered as a replay.
    func signedForAttempt(_ request: HTTPRequestSpec) -> HTTPRequestSpec {
        guard let signer else { return request }
        let target = peer.absoluteTarget(forPath: request.path)
        let fields = signer.headers(
            method: request.method.rawValue,
            authority: SignatureMessage.authority(scheme: peer.scheme, host: peer.host, port: peer.port),
            path: target.path, query: target.query,
            body: request.method == .get ? nil : [UInt8](request.body ?? Data()),
            now: Int64(Date().timeIntervalSince1970.rounded(.down)), nonce: Self.makeNonce())
        var signed = request
        signed.headers += fields.map { HTTPHeader(name: $0.name, value: $0.value) }
        return signed
    }

    /// 128 random bits, base64url without padding (22 characters).
    static func makeNonce() -> String {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<16).map { _ in UInt8.random(in: 0...255, using: &generator) }
        return Data(bytes).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }
}

extension PeerURL {
    /// The request target of `path` under this base URL as the peer receives it: the absolute
    /// path (the base's path prefix included) and the query without `?`, if any.
    public func absoluteTarget(forPath path: String) -> (path: String, query: String?) {
        let prefix = URLComponents(string: description)?.percentEncodedPath ?? "/"
        let full = (prefix.hasSuffix("/") ? prefix : prefix + "/") + path.drop(while: { $0 == "/" })
        guard let mark = full.firstIndex(of: "?") else { return (full, nil) }
        return (String(full[..<mark]), String(full[full.index(after: mark)...]))
    }
}
