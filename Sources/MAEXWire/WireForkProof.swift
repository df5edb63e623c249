/// Proof that an author forked: two different change sets it signed with the same sequence
/// number. Self-contained (both carry the author's signature), so any node can check it without
/// holding the author's chain, and relays pass it on verbatim.
public struct WireForkProof: Codable, Hashable, Sendable {
    /// The forked author's id, hex.
    public var author: String
    /// The sequence both change sets claim.
    public var seq: Int64
    /// The two change sets, verbatim.
    public var changesets: [WireChangeSet]

    /// Creates a proof.
    public init(author: String, seq: Int64, changesets: [WireChangeSet]) {
        self.author = author
        self.seq = seq
        self.changesets = changesets
    }
}
