import MAEXCore
import MAEXStore

/// What the contract suite needs from a replica: the in-memory reference (`MemoryReplica`) and
/// the SQLite store (`NodeStore`) both conform, and the same checks run against each.
protocol ReplicaUnderTest: AnyObject {
    /// A short name for failure messages.
    var name: String { get }
    /// Receives a batch of verified change sets.
    func receive(_ batch: [SignedChangeSet], now: Int64) throws -> [ReceiveOutcome]
    /// The register's state digest.
    func digest() throws -> String
    /// The fields holding concurrent writes.
    func conflicts() throws -> [Conflict]
    /// For each author, the highest sequence held.
    func vector() throws -> [NodeID: Int64]
    /// What a peer holding `peerVector` lacks, per author in sequence order.
    func missing(from peerVector: [NodeID: Int64]) throws -> [SignedChangeSet]
    /// A record, including a deleted one; `nil` when unknown.
    func record(_ key: RecordKey) throws -> RecordState?
    /// The ids in quarantine.
    func quarantinedIDs() throws -> Set<ChangeSetID>
    /// How many change sets are pending.
    func pendingCount() throws -> Int
    /// Authors caught forking, with the first retracted sequence.
    func forkedFrom() throws -> [NodeID: Int64]
}

/// The reference implementation, wrapped.
final class MemoryReplicaUnderTest: ReplicaUnderTest {
    private(set) var replica = MemoryReplica(realm: TestKeys.realm)
    let name = "MemoryReplica"

    func receive(_ batch: [SignedChangeSet], now: Int64) throws -> [ReceiveOutcome] {
        batch.map { replica.receive($0, nowMilliseconds: now) }
    }

    func digest() throws -> String { replica.register.digest }
    func conflicts() throws -> [Conflict] { replica.register.conflicts }
    func vector() throws -> [NodeID: Int64] { replica.vector }
    func missing(from peerVector: [NodeID: Int64]) throws -> [SignedChangeSet] { replica.missing(for: peerVector) }
    func record(_ key: RecordKey) throws -> RecordState? { replica.register.records[key] }
    func quarantinedIDs() throws -> Set<ChangeSetID> { Set(replica.quarantine.keys) }
    func pendingCount() throws -> Int { replica.pending.count }
    func forkedFrom() throws -> [NodeID: Int64] { replica.forkedFrom }
}

/// The SQLite store, wrapped.
final class NodeStoreUnderTest: ReplicaUnderTest {
    let store: NodeStore
    let name = "NodeStore"
    /// Whether batches go through `receive(raw:)` (bytes, verified again) instead.
    var viaRawBytes = false

    init(store: NodeStore) {
        self.store = store
    }

    func receive(_ batch: [SignedChangeSet], now: Int64) throws -> [ReceiveOutcome] {
        guard viaRawBytes else { return try store.receive(batch, nowMilliseconds: now) }
        return try store.receive(raw: batch.map { ($0.body, $0.signature) }, nowMilliseconds: now).map(\.outcome)
    }

    func digest() throws -> String { try store.digest() }
    func conflicts() throws -> [Conflict] { try store.conflicts() }
    func vector() throws -> [NodeID: Int64] { try store.vector().mapValues(\.seq) }
    func missing(from peerVector: [NodeID: Int64]) throws -> [SignedChangeSet] {
        try store.changeSets(missingFrom: peerVector, maxCount: Int.max, maxBytes: Int.max).items
    }
    func record(_ key: RecordKey) throws -> RecordState? { try store.record(key) }
    func quarantinedIDs() throws -> Set<ChangeSetID> { Set(try store.quarantine().map(\.id)) }
    func pendingCount() throws -> Int { try store.pendingCount() }
    func forkedFrom() throws -> [NodeID: Int64] { try store.forkedAuthors() }
}
