/// `GET /healthz`: `{"status": "ok"}` while the node can read its store.
public struct HealthResponse: Codable, Hashable, Sendable {
    /// `ok`, or `unavailable` (answered with 503).
    public var status: String

    /// Creates the answer.
    public init(status: String) { self.status = status }
}
