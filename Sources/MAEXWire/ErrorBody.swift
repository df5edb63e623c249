/// The body of every error answer: `{"error": {"code": "...", "message": "..."}}`.
public struct ErrorBody: Codable, Hashable, Sendable {
    /// The error.
    public var error: Detail

    /// A stable machine-readable code and a message for people.
    public struct Detail: Codable, Hashable, Sendable {
        /// Stable, lowercase with underscores (e.g. `body_too_large`).
        public var code: String
        /// A sentence for people.
        public var message: String
    }

    /// Creates an error body.
    public init(code: String, message: String) {
        error = Detail(code: code, message: message)
    }
}

/// `GET /v1/node`.
public struct NodeInfo: Codable, Hashable, Sendable {
    /// The node id.
    public var id: String
    /// The node's name.
    public var name: String
    /// municipality, province, national or fund.
    public var role: String
    /// The codes the node is responsible for.
    public var scope: [String]
    /// The network.
    public var realm: String
    /// The software version.
    public var version: String

    /// Creates node info.
    public init(id: String, name: String, role: String, scope: [String], realm: String, version: String) {
        self.id = id
        self.name = name
        self.role = role
        self.scope = scope
        self.realm = realm
        self.version = version
    }
}
