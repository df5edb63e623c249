/// What an exchange with a peer cost on the wire: requests made and bytes each way.
///
/// Bytes are counted as libcurl saw them: request line, headers and body going out; status
/// line, headers and the (still compressed) body coming in. When the transport retried a
/// request, the bytes are those of the attempt that was answered.
public struct PeerTraffic: Sendable, Hashable {
    /// HTTP requests answered.
    public var requests: Int
    /// Bytes sent to the peer.
    public var requestBytes: Int
    /// Bytes received from the peer.
    public var responseBytes: Int

    /// Creates a count.
    public init(requests: Int = 0, requestBytes: Int = 0, responseBytes: Int = 0) {
        self.requests = requests
        self.requestBytes = requestBytes
        self.responseBytes = responseBytes
    }

    /// Nothing sent or received.
    public static let zero = PeerTraffic()

    /// Adds another count to this one.
    public static func += (lhs: inout PeerTraffic, rhs: PeerTraffic) {
        lhs.requests += rhs.requests
        lhs.requestBytes += rhs.requestBytes
        lhs.responseBytes += rhs.responseBytes
    }

    /// The sum of two counts.
    public static func + (lhs: PeerTraffic, rhs: PeerTraffic) -> PeerTraffic {
        var sum = lhs
        sum += rhs
        return sum
    }
}
