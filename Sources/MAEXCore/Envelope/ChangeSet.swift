/// The content of a change set: who wrote it, where it sits in the author's chain, what the
/// author had seen, and the operations. Its canonical JSON encoding is what gets signed.
public struct ChangeSet: Hashable, Sendable {
    /// The schema version (1 for this implementation).
    public var version: Int64
    /// The network (realm) this change set belongs to.
    public var realm: String
    /// The author node.
    public var author: NodeID
    /// The author's sequence number: gapless, from 1.
    public var seq: Int64
    /// The id of the author's previous change set; `nil` exactly when `seq == 1`.
    public var prev: ChangeSetID?
    /// The author's hybrid logical clock when it wrote this change set.
    public var hlc: HLCTimestamp
    /// Causal dependencies on other authors: for each, the highest sequence this change set
    /// builds on. It covers every `pred` reference to another author.
    public var deps: [NodeID: Int64]
    /// The operations, applied in order.
    public var ops: [ChangeOperation]

    /// Creates a change set of the current schema version.
    public init(
        realm: String, author: NodeID, seq: Int64, prev: ChangeSetID?, hlc: HLCTimestamp,
        deps: [NodeID: Int64] = [:], ops: [ChangeOperation], version: Int64 = EnvelopeLimits.currentVersion
    ) {
        self.version = version
        self.realm = realm
        self.author = author
        self.seq = seq
        self.prev = prev
        self.hlc = hlc
        self.deps = deps
        self.ops = ops
    }

    /// This change set's own reference.
    public var ref: ChangeRef { ChangeRef(author: author, seq: seq) }

    /// The change sets this one needs applied first: its predecessor and its `deps`.
    public var requirements: [ChangeRef] {
        var result: [ChangeRef] = []
        if seq > 1 { result.append(ChangeRef(author: author, seq: seq - 1)) }
        for (author, seq) in deps.sorted(by: { $0.key < $1.key }) {
            result.append(ChangeRef(author: author, seq: seq))
        }
        return result
    }
}
