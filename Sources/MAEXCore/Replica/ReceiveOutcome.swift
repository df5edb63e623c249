/// What a node did with one received change set; the answer a push gets per change set.
public enum ReceiveOutcome: Hashable, Sendable, CustomStringConvertible {
    /// Applied and durable.
    case stored
    /// Already held; nothing changed.
    case duplicate
    /// Held back until the listed change sets arrive.
    case pending(missing: [ChangeRef])
    /// Refused, with the reason; kept in quarantine.
    case rejected(reason: String)
    /// Another change set with the same author and sequence is held: both kept as evidence.
    case fork(existing: ChangeSetID)
    /// Held in the log (its chain is intact) but not applied: a revocation retracts it.
    case retracted(reason: String)

    /// Whether the change set is now in the log (stored, or stored but retracted).
    public var isHeld: Bool {
        switch self {
        case .stored, .retracted: true
        default: false
        }
    }

    /// A stable machine-readable word: `stored`, `duplicate`, `pending`, `rejected`, `fork`,
    /// `retracted`.
    public var code: String {
        switch self {
        case .stored: "stored"
        case .duplicate: "duplicate"
        case .pending: "pending"
        case .rejected: "rejected"
        case .fork: "fork"
        case .retracted: "retracted"
        }
    }

    public var description: String {
        switch self {
        case .stored, .duplicate: code
        case .pending(let missing): "pending (missing \(missing.map(\.description).joined(separator: ", ")))"
        case .rejected(let reason): "rejected: \(reason)"
        case .fork(let existing): "fork (already hold \(existing.hex.prefix(12))… at this sequence)"
        case .retracted(let reason): "retracted: \(reason)"
        }
    }
}
