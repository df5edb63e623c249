import Foundation
import Logging
import MAEXCore

/// Turns edits into signed change sets of this node and stores them.
///
/// The I/O shell around `ChangeSetPlanner`: under the authoring lock it reads a snapshot from
/// the store and the wall clock, lets the planner decide, signs the change set and stores it.
/// A refused edit throws `AuthoringError` and changes nothing; storage failures are the
/// store's own errors.
public struct LocalAuthor: Sendable {
    /// The store written to.
    public let store: any AuthoringStore
    /// The network.
    public let realm: String
    /// The municipalities this node may edit, or `nil` when not limited.
    public let municipalities: Set<String>?
    /// The network's root (the store's), or `nil` for an unrestricted store (tests): a node
    /// other than the root needs a certificate before it can author.
    public var root: NodeID? { store.authorityRoot }
    private let key: SigningKey
    private let lock: FileLock?
    private let wallClock: @Sendable () -> Int64
    private let newID: @Sendable () -> String
    private let logger: Logger
    private let ownHeadCheck: (@Sendable () throws -> Void)?

    /// Creates an author.
    ///
    /// - Parameters:
    ///   - lock: held while authoring, so concurrent writers never reuse a sequence number.
    ///   - wallClock: the wall clock in milliseconds since the Unix epoch (tests drive it).
    ///   - newID: makes the id of a new record: a lowercase UUID v4 by default.
    ///   - ownHeadCheck: runs under the lock before every change set and throws when the node
    ///     must not author now (a restored node whose own head is unconfirmed).
    public init(
        store: any AuthoringStore, key: SigningKey, realm: String, municipalities: Set<String>?, lock: FileLock?,
        wallClock: @escaping @Sendable () -> Int64 = LocalAuthor.systemMilliseconds,
        newID: @escaping @Sendable () -> String = { UUID().uuidString.lowercased() },
        logger: Logger, ownHeadCheck: (@Sendable () throws -> Void)? = nil
    ) {
        self.store = store
        self.key = key
        self.realm = realm
        self.municipalities = municipalities
        self.lock = lock
        self.wallClock = wallClock
        self.newID = newID
        self.logger = logger
        self.ownHeadCheck = ownHeadCheck
    }

    /// This node.
    public var nodeID: NodeID { key.nodeID }

    /// The system wall clock in milliseconds.
    @Sendable public static func systemMilliseconds() -> Int64 { Int64((Date().timeIntervalSince1970 * 1000).rounded(.down)) }

    /// A fresh record id.
    public func makeRecordID() -> String { newID() }

    /// Authors `edit`: plans, signs and stores one change set.
    @discardableResult
    public func author(_ edit: LocalEdit) throws -> AuthoredChange {
        try withAuthoringLock {
            let snapshot = try snapshot(for: edit)
            let changeSet = try ChangeSetPlanner.plan(edit, in: snapshot)
            return try storeSigned(changeSet, record: edit.record, nowMilliseconds: snapshot.wallMilliseconds)
        }
    }

    /// Authors trust operations (certificates, revocations, rotations) in one change set.
    @discardableResult
    public func authorTrust(_ trust: [TrustOperation]) throws -> SignedChangeSet {
        try withAuthoringLock {
            let snapshot = try self.snapshot(fields: [], record: nil)
            let changeSet = try ChangeSetPlanner.plan(trust: trust, in: snapshot)
            return try storeSigned(changeSet, record: nil, nowMilliseconds: snapshot.wallMilliseconds).signed
        }
    }

    /// Runs `body` holding the authoring lock (when there is one), once `ownHeadCheck` allows.
    func withAuthoringLock<T>(_ body: () throws -> T) throws -> T {
        if let lock {
            return try lock.withLock {
                try ownHeadCheck?()
                return try body()
            }
        }
        try ownHeadCheck?()
        return try body()
    }

    /// Signs a planned change set and stores it, once the store says the network's rules allow
    /// it (a refused edit changes nothing, not even the quarantine).
    func storeSigned(_ changeSet: ChangeSet, record: RecordKey?, nowMilliseconds: Int64) throws -> AuthoredChange {
        if case .refused(let reason) = try store.authorityVerdict(for: changeSet) { throw AuthoringError.notAuthorised(reason) }
        let signed = changeSet.signed(with: key)
        let outcome = try store.storeOwn(signed, nowMilliseconds: nowMilliseconds)
        guard outcome == .stored else {
            logger.error("own change set not stored", metadata: ["change.id": "\(signed.id.hex)", "change.outcome": "\(outcome)"])
            throw AuthoringError.notStored(change: signed.id, outcome: outcome)
        }
        logger.info(
            "authored change set",
            metadata: [
                "change.id": "\(signed.id.hex)", "change.seq": "\(changeSet.seq)", "change.ops": "\(changeSet.ops.count)",
                "record.id": "\(record?.id ?? "-")",
            ])
        return AuthoredChange(record: record ?? RecordKey(type: "trust", id: key.nodeID.hex), signed: signed)
    }

    /// Reads what the planner needs for `edit`.
    public func snapshot(for edit: LocalEdit) throws -> AuthoringSnapshot {
        try snapshot(fields: edit.fields, record: edit.record)
    }

    private func snapshot(fields: [String], record key: RecordKey?) throws -> AuthoringSnapshot {
        var writes: [String: [ChangeRef]] = [:]
        var authorityDeps: [ChangeRef] = []
        if let root, root != self.key.nodeID {
            authorityDeps = try store.certificateCarriers(self.key.nodeID)
            guard !authorityDeps.isEmpty else { throw AuthoringError.noCertificate(self.key.nodeID) }
        }
        let record = try key.flatMap { try store.recordState($0) }
        if let key, record != nil {
            for field in fields { writes[field] = try store.currentWrites(record: key, field: field) }
            authorityDeps += try store.currentWrites(record: key, field: AuthorityRules.municipalityField)
            authorityDeps += try store.currentWrites(record: key, field: AuthorityRules.fundField)
        }
        return AuthoringSnapshot(
            realm: realm, author: self.key.nodeID, head: try store.authorHead(self.key.nodeID), latestClock: try store.latestClock(),
            wallMilliseconds: wallClock(), record: record, currentWrites: writes, municipalities: municipalities,
            authorityDeps: authorityDeps)
    }
}
