/// A decoded answer from a peer together with what the exchange cost on the wire.
public struct PeerReply<Value: Sendable>: Sendable {
    /// The decoded answer.
    public var value: Value
    /// The request and response bytes of this exchange.
    public var traffic: PeerTraffic

    /// Creates a reply.
    public init(value: Value, traffic: PeerTraffic) {
        self.value = value
        self.traffic = traffic
    }
}
