/// The HTTP methods the peer client sends.
public enum HTTPMethod: String, Sendable, Hashable, CaseIterable {
    /// `GET`: no body.
    case get = "GET"
    /// `POST`.
    case post = "POST"
    /// `PUT`, sent through `CURLOPT_CUSTOMREQUEST`.
    case put = "PUT"
    /// `PATCH`, sent through `CURLOPT_CUSTOMREQUEST`.
    case patch = "PATCH"
    /// `DELETE`, sent through `CURLOPT_CUSTOMREQUEST`.
    case delete = "DELETE"

    /// Whether repeating the request has the same effect as sending it once (RFC 9110 9.2.2).
    public var isIdempotent: Bool { self != .post && self != .patch }
}
