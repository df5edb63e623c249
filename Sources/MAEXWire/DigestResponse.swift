/// `GET /v1/digest`: the state digest of the whole register, or of one area's initiatives.
public struct DigestResponse: Codable, Hashable, Sendable {
    /// The answering node's id.
    public var node: String
    /// The area code (`GM0718`, `PV29`) the digest is restricted to; absent for the whole state.
    public var area: String?
    /// SHA-256, hex.
    public var digest: String
    /// For an area: how many initiatives the digest covers.
    public var records: Int?

    /// Creates a digest answer.
    public init(node: String, area: String?, digest: String, records: Int?) {
        self.node = node
        self.area = area
        self.digest = digest
        self.records = records
    }
}
