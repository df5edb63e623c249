import Foundation

/// What to send to a peer: method, path under the peer's base URL, headers and body.
public struct HTTPRequestSpec: Sendable, Hashable {
    /// The request method.
    public var method: HTTPMethod
    /// The path (and query) under the peer's base URL, e.g. `/sync/pull?since=42`.
    public var path: String
    /// Extra request headers (signature headers and the like), sent in order.
    public var headers: [HTTPHeader]
    /// The request body; `nil` sends none.
    public var body: Data?
    /// The body's media type; defaults to `application/octet-stream` when a body is present.
    public var contentType: String?
    /// Overrides the transport's total timeout for this request.
    public var timeout: Duration?
    /// Whether the request may be sent again after a failure that might have reached the peer
    /// (a timeout, a lost connection, a 502/503/504). Defaults to the method's idempotency;
    /// connection refused and 429 are retried either way, since the peer did not act on them.
    public var isIdempotent: Bool

    /// Creates a request.
    public init(
        method: HTTPMethod,
        path: String,
        headers: [HTTPHeader] = [],
        body: Data? = nil,
        contentType: String? = nil,
        timeout: Duration? = nil,
        isIdempotent: Bool? = nil
    ) {
        self.method = method
        self.path = path
        self.headers = headers
        self.body = body
        self.contentType = contentType
        self.timeout = timeout
        self.isIdempotent = isIdempotent ?? method.isIdempotent
    }

    /// A `GET` of `path`.
    public static func get(_ path: String, headers: [HTTPHeader] = []) -> HTTPRequestSpec {
        HTTPRequestSpec(method: .get, path: path, headers: headers)
    }

    /// A `POST` of `body` to `path`.
    public static func post(
        _ path: String,
        body: Data,
        contentType: String = "application/json",
        headers: [HTTPHeader] = [],
        isIdempotent: Bool = false
    ) -> HTTPRequestSpec {
        HTTPRequestSpec(
            method: .post, path: path, headers: headers, body: body, contentType: contentType,
            isIdempotent: isIdempotent
        )
    }
}
