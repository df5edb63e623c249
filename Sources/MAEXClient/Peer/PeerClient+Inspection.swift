import Foundation
import MAEXWire

extension PeerClient {
    /// `GET /v1/digest`: the peer's state digest, or the digest of one area (a municipality
    /// code like `GM0718` or a province code like `PV29`).
    public func digest(area: String? = nil) async throws(PeerError) -> PeerReply<DigestResponse> {
        guard let area else { return try await get(Path.digest) }
        let query = area.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? area
        return try await get(Path.digest + "?area=" + query)
    }

    /// `GET /v1/conflicts`: every field of the peer's register holding concurrent writes.
    public func conflicts() async throws(PeerError) -> PeerReply<ConflictsResponse> {
        try await get("/v1/conflicts")
    }

    /// `GET /v1/initiatives`: one page of the peer's initiatives (at most `limit`, the peer
    /// caps it) from `offset`, in id order.
    public func initiatives(offset: Int = 0, limit: Int = 1000) async throws(PeerError) -> PeerReply<InitiativeList> {
        try await get("/v1/initiatives?offset=\(offset)&limit=\(limit)")
    }

    /// `GET /healthz`: whether the peer answers and its store is usable.
    public func health() async throws(PeerError) -> PeerReply<HealthResponse> {
        try await get("/healthz")
    }
}
