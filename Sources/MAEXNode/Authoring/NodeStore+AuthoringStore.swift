import MAEXCore
import MAEXStore

/// The store as `LocalAuthor` sees it.
extension NodeStore: AuthoringStore {
    /// The author's entry of the version vector.
    public func authorHead(_ author: NodeID) throws -> AuthorHead? {
        try vector()[author]
    }

    /// `maxHLC()`, with `nil` for an empty log.
    public func latestClock() throws -> HLCTimestamp? {
        let clock = try maxHLC()
        return clock == .zero ? nil : clock
    }

    /// `record(_:)`: deleted records included.
    public func recordState(_ key: RecordKey) throws -> RecordState? {
        try record(key)
    }

    /// `authority.root`.
    public var authorityRoot: NodeID? { authority.root }

    /// `certificates(of:)` not withdrawn, by carrier.
    public func certificateCarriers(_ node: NodeID) throws -> [ChangeRef] {
        try certificates(of: node).filter { !$0.isWithdrawn }.map(\.carrier)
    }

    /// `receive(_:nowMilliseconds:)` of a batch of one.
    public func storeOwn(_ signed: SignedChangeSet, nowMilliseconds: Int64) throws -> ReceiveOutcome {
        let outcomes = try receive([signed], nowMilliseconds: nowMilliseconds)
        guard outcomes.count == 1, let outcome = outcomes.first else {
            throw StoreError.invalidArgument("receive answered \(outcomes.count) outcomes for one change set")
        }
        return outcome
    }
}
