import MAEXCore

/// What `LocalAuthor` needs from a store: the node's own head, the latest clock seen, the
/// state of the record edited, the current writes of a field, and a way to store the result.
///
/// `NodeStore` conforms (see `NodeStore+AuthoringStore.swift`); the names are the author's own
/// so they never collide with the store's API.
public protocol AuthoringStore: Sendable {
    /// The latest change set held from `author`, or `nil` when none.
    func authorHead(_ author: NodeID) throws -> AuthorHead?
    /// The greatest clock of any change set held, or `nil` for an empty store.
    func latestClock() throws -> HLCTimestamp?
    /// The state of a record, deleted ones included; `nil` when unknown.
    func recordState(_ key: RecordKey) throws -> RecordState?
    /// The writes of a field that no other write has superseded (what a new write supersedes).
    func currentWrites(record: RecordKey, field: String) throws -> [ChangeRef]
    /// The network's root whose certificates the store checks, `nil` when it checks none.
    var authorityRoot: NodeID? { get }
    /// The change sets carrying the node's certificates that no revocation withdrew.
    func certificateCarriers(_ node: NodeID) throws -> [ChangeRef]
    /// How the store would judge the authority of `changeSet` (read only).
    func authorityVerdict(for changeSet: ChangeSet) throws -> AuthorityVerdict
    /// Stores one change set of this node, durably, and says what happened to it.
    func storeOwn(_ signed: SignedChangeSet, nowMilliseconds: Int64) throws -> ReceiveOutcome
}
