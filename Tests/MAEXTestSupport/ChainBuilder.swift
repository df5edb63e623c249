import MAEXCore

/// Builds one author's signed change sets by hand, chaining `seq`, `prev` and a rising clock,
/// so a test can also build wrong ones (bad prev, stale clock, forks). The one chain builder of
/// the test targets.
public struct ChainBuilder: Sendable {
    /// The author's key.
    public let key: SigningKey
    /// The network the change sets are for.
    public let realm: String
    /// How far each change set's clock is after the previous one, in milliseconds.
    public let step: Int64
    /// The sequence of the last change set built.
    public private(set) var seq: Int64 = 0
    /// The id of the last change set built.
    public private(set) var prev: ChangeSetID?
    /// The clock of the last change set built (or the start).
    public private(set) var milliseconds: Int64

    /// A chain of `key` in `realm` whose first clock is `startMilliseconds + step`.
    public init(_ key: SigningKey, realm: String, startMilliseconds: Int64, step: Int64 = 1_000) {
        self.key = key
        self.realm = realm
        self.step = step
        milliseconds = startMilliseconds
    }

    /// The author.
    public var author: NodeID { key.nodeID }

    /// The next change set of the chain, advancing the chain.
    public mutating func next(_ ops: [ChangeOperation], deps: [NodeID: Int64] = [:], hlc: HLCTimestamp? = nil) -> SignedChangeSet {
        let signed = peek(ops, deps: deps, hlc: hlc)
        seq += 1
        prev = signed.id
        milliseconds = max(milliseconds + step, signed.changeSet.hlc.milliseconds)
        return signed
    }

    /// What `next` would return, without advancing (to build a fork or a bad successor).
    public func peek(
        _ ops: [ChangeOperation], deps: [NodeID: Int64] = [:], hlc: HLCTimestamp? = nil, prev overridePrev: ChangeSetID?? = nil
    ) -> SignedChangeSet {
        let changeSet = ChangeSet(
            realm: realm, author: key.nodeID, seq: seq + 1, prev: overridePrev ?? prev,
            hlc: hlc ?? HLCTimestamp(milliseconds: milliseconds + step, counter: 0), deps: deps, ops: ops)
        return changeSet.signed(with: key)
    }
}
