import Foundation

/// A peer's answer, whatever its status, with the byte counts of the exchange.
public struct HTTPResponseData: Sendable, Hashable {
    /// The peer that answered.
    public let peer: PeerURL
    /// The request's method.
    public let method: HTTPMethod
    /// The request's path (and query).
    public let path: String
    /// The HTTP status code of the final response (redirects are not followed).
    public let status: Int
    /// The response header fields, in the order received.
    public let headers: [HTTPHeader]
    /// The response body, already gzip-decoded when the peer sent `Content-Encoding: gzip`.
    public let body: Data
    /// Bytes of this attempt's request on the wire at the HTTP level: request line, headers and
    /// body, exactly as libcurl wrote them (TLS framing is not counted).
    public let requestBytes: Int
    /// Bytes of the response on the wire at the HTTP level: status line, headers and the body
    /// before de-chunking and gzip decoding (TLS framing is not counted).
    public let responseBytes: Int
    /// New TCP connections this attempt opened: 0 when a kept-alive connection was reused.
    public let newConnections: Int
    /// How many attempts it took (1 when the first one was answered).
    public let attempts: Int

    /// Creates a response value (the transport builds these; tests may too).
    public init(
        peer: PeerURL, method: HTTPMethod, path: String, status: Int, headers: [HTTPHeader],
        body: Data, requestBytes: Int, responseBytes: Int, newConnections: Int, attempts: Int = 1
    ) {
        self.peer = peer
        self.method = method
        self.path = path
        self.status = status
        self.headers = headers
        self.body = body
        self.requestBytes = requestBytes
        self.responseBytes = responseBytes
        self.newConnections = newConnections
        self.attempts = attempts
    }

    /// Whether the status is 2xx.
    public var isSuccess: Bool { (200..<300).contains(status) }

    /// The `Content-Type` header, if present.
    public var contentType: String? { headers.value(forName: "Content-Type") }

    /// The wait the peer asked for in `Retry-After` (delay-seconds or an HTTP date), if any.
    public var retryAfter: Duration? {
        headers.value(forName: "Retry-After").flatMap { RetryAfter.parse($0, now: Date()) }
    }

    /// Returns `self` when the status is 2xx.
    /// - Throws: `ClientError.unexpectedStatus` naming the peer, the request and the start of the
    ///   body (which is where peers put their error message).
    @discardableResult
    public func requireSuccess() throws(ClientError) -> HTTPResponseData {
        guard isSuccess else {
            let snippet = String(decoding: body.prefix(200), as: UTF8.self)
                .replacingOccurrences(of: "\n", with: " ")
                .trimmingCharacters(in: .whitespaces)
            let detail = "\(method.rawValue) \(path)" + (snippet.isEmpty ? "" : " - \(snippet)")
            throw ClientError.unexpectedStatus(peer: peer.description, status: status, detail: detail)
        }
        return self
    }

    /// Returns a copy with the attempt count set.
    func withAttempts(_ attempts: Int) -> HTTPResponseData {
        HTTPResponseData(
            peer: peer, method: method, path: path, status: status, headers: headers, body: body,
            requestBytes: requestBytes, responseBytes: responseBytes, newConnections: newConnections,
            attempts: attempts
        )
    }
}
