import MAEXCore

/// What a node did with one pushed change set, as `PushResult.status` carries it. The server
/// writes it and the client reads it, so both switch over the same cases.
public enum PushStatus: String, Codable, CaseIterable, Hashable, Sendable {
    /// Applied and durable.
    case stored
    /// Already held.
    case duplicate
    /// Held back until the change sets in `missing` arrive.
    case pending
    /// Refused with `reason`; kept in the peer's quarantine.
    case rejected
    /// The peer holds another change set at this author and sequence (`existing`).
    case fork
    /// Held in the peer's log but not applied: a revocation retracts it (`reason`).
    case retracted

    /// The status of a receive outcome.
    public init(_ outcome: ReceiveOutcome) {
        switch outcome {
        case .stored: self = .stored
        case .duplicate: self = .duplicate
        case .pending: self = .pending
        case .rejected: self = .rejected
        case .fork: self = .fork
        case .retracted: self = .retracted
        }
    }

}
