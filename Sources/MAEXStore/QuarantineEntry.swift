import MAEXCore

/// A refused change set, kept with the reason (forged, malformed, rejected, fork, ...).
public struct QuarantineEntry: Hashable, Sendable {
    /// SHA-256 of the received bytes (also for bytes that do not decode).
    public var id: ChangeSetID
    /// The received bytes, verbatim.
    public var body: [UInt8]
    /// The received signature, verbatim.
    public var signature: [UInt8]
    /// Why it was refused (the latest reason when it arrived several times).
    public var reason: String
    /// The local wall clock (ms) when it last arrived.
    public var receivedAtMilliseconds: Int64
    /// How often it arrived.
    public var timesReceived: Int

    /// Creates an entry.
    public init(id: ChangeSetID, body: [UInt8], signature: [UInt8], reason: String, receivedAtMilliseconds: Int64, timesReceived: Int) {
        self.id = id
        self.body = body
        self.signature = signature
        self.reason = reason
        self.receivedAtMilliseconds = receivedAtMilliseconds
        self.timesReceived = timesReceived
    }
}
