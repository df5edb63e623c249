/// Where a running sync round is: reported after every batch.
public struct SyncProgress: Sendable, Hashable {
    /// The two halves of a round.
    public enum Phase: String, Sendable, Hashable {
        /// Receiving what this node lacks.
        case pull
        /// Sending what the peer lacks.
        case push
    }

    /// The peer's base URL.
    public var peer: String
    /// The half of the round.
    public var phase: Phase
    /// Change sets moved so far in this phase.
    public var done: Int
    /// The change sets this phase was expected to move when it started (the peer may have
    /// received more since).
    public var expected: Int
    /// Bytes received plus sent so far in the round.
    public var bytes: Int

    /// Creates a progress report.
    public init(peer: String, phase: Phase, done: Int, expected: Int, bytes: Int) {
        self.peer = peer
        self.phase = phase
        self.done = done
        self.expected = expected
        self.bytes = bytes
    }
}
