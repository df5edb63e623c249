import MAEXCore

/// One edit an author makes; `SimAuthor.write` turns a list of them into a change set.
enum SimEdit: Hashable, Sendable {
    /// Set a field of a record (existing in the author's view, deleted there, or new).
    case set(RecordKey, field: String, value: JSONValue)
    /// Delete a record.
    case delete(RecordKey)
}

/// Why a simulated author could not do what the test asked.
enum SimError: Error, CustomStringConvertible {
    /// The author's own view refused its new change set.
    case ownChangeSetNotStored(ChangeRef, ReceiveOutcome)
    /// The bytes the author signed do not open as the same change set.
    case roundTripMismatch(ChangeRef)

    var description: String {
        switch self {
        case .ownChangeSetNotStored(let ref, let outcome): "own change set \(ref) not stored: \(outcome)"
        case .roundTripMismatch(let ref): "change set \(ref) does not open as what was signed"
        }
    }
}

/// A change-set factory that behaves like a real authoring node: it keeps its own replica view,
/// writes `pred` as the field's current writes in that view, `deps` as everything it holds
/// from other authors, a gapless `seq` with `prev`, and a hybrid logical clock that observes
/// every change set it receives.
struct SimAuthor {
    /// The author's key.
    let key: SigningKey
    /// What the author holds.
    private(set) var view: MemoryReplica
    /// The author's clock.
    private(set) var clock: HybridLogicalClock
    /// Whether every written change set is opened again (decode + verify) as a check.
    var verifiesOwnChangeSets: Bool

    /// A fresh author with an empty view.
    init(key: SigningKey, realm: String = SimKeys.realm, verifiesOwnChangeSets: Bool = false) {
        self.key = key
        self.view = MemoryReplica(realm: realm)
        self.clock = HybridLogicalClock()
        self.verifiesOwnChangeSets = verifiesOwnChangeSets
    }

    /// The author's node id.
    var id: NodeID { key.nodeID }

    /// The change set the author would write now, not yet signed or stored.
    mutating func draft(_ edits: [SimEdit], wallMilliseconds now: Int64) -> ChangeSet {
        let ops = edits.map { edit -> ChangeOperation in
            switch edit {
            case .set(let record, let field, let value):
                let current = view.register.records[record]?.fields[field]?.writes.map(\.ref) ?? []
                return .set(SetOperation(record: record, field: field, value: value, pred: current))
            case .delete(let record):
                return .delete(record)
            }
        }
        var deps = view.vector
        deps[id] = nil
        return ChangeSet(
            realm: view.realm, author: id, seq: (view.vector[id] ?? 0) + 1, prev: view.head(of: id)?.id,
            hlc: clock.tick(wallMilliseconds: now), deps: deps, ops: ops)
    }

    /// Writes, signs and stores in the author's own view the next change set.
    mutating func write(_ edits: [SimEdit], wallMilliseconds now: Int64) throws -> SignedChangeSet {
        let changeSet = draft(edits, wallMilliseconds: now)
        let signed = changeSet.signed(with: key)
        if verifiesOwnChangeSets {
            let opened = try SignedChangeSet.open(body: signed.body, signature: signed.signature, realm: view.realm)
            guard opened.changeSet == changeSet, opened.id == signed.id else { throw SimError.roundTripMismatch(changeSet.ref) }
        }
        let outcome = view.receive(signed, nowMilliseconds: now)
        guard outcome == .stored else { throw SimError.ownChangeSetNotStored(changeSet.ref, outcome) }
        return signed
    }

    /// Receives a change set from another node, observing its clock first.
    @discardableResult
    mutating func receive(_ signed: SignedChangeSet, wallMilliseconds now: Int64) throws -> ReceiveOutcome {
        try clock.observe(signed.changeSet.hlc, wallMilliseconds: now)
        return view.receive(signed, nowMilliseconds: now)
    }
}
