import MAEXCore

/// Proof that an author signed two different change sets at the same sequence number.
public struct ForkEvidence: Hashable, Sendable {
    /// The author caught forking.
    public var author: NodeID
    /// The sequence number both change sets claim.
    public var seq: Int64
    /// The change set held in the log.
    public var held: SignedChangeSet
    /// The other change set, which arrived later and was quarantined.
    public var other: SignedChangeSet
    /// The local wall clock (ms) when the fork was detected.
    public var detectedAtMilliseconds: Int64

    /// Creates evidence.
    public init(author: NodeID, seq: Int64, held: SignedChangeSet, other: SignedChangeSet, detectedAtMilliseconds: Int64) {
        self.author = author
        self.seq = seq
        self.held = held
        self.other = other
        self.detectedAtMilliseconds = detectedAtMilliseconds
    }

    /// Whether this proves a fork: both change sets claim `author` and `seq` and differ. Their
    /// signatures are checked when they are opened (`SignedChangeSet.open`), before this.
    public var isProof: Bool {
        held.id != other.id && held.changeSet.author == author && other.changeSet.author == author
            && held.changeSet.seq == seq && other.changeSet.seq == seq && held.changeSet.realm == other.changeSet.realm
    }
}
