/// The register derived from applied change sets: every record's fields and tombstones.
///
/// Applying is deterministic and commutative for causally ordered delivery: two registers that
/// applied the same change sets, each after its requirements, are equal whatever the order.
public struct Register: Hashable, Sendable {
    /// All records, live and deleted.
    public private(set) var records: [RecordKey: RecordState] = [:]

    /// An empty register.
    public init() {}

    /// Applies every understood operation of a change set.
    public mutating func apply(_ changeSet: ChangeSet) {
        let ref = changeSet.ref
        for op in changeSet.ops {
            switch op {
            case .set(let set):
                let write = FieldWrite(ref: ref, hlc: changeSet.hlc, value: set.value)
                records[set.record, default: RecordState()].apply(field: set.field, write: write, pred: set.pred)
            case .delete(let key):
                records[key, default: RecordState()].delete(Tombstone(ref: ref, hlc: changeSet.hlc))
            case .trust, .unsupported:
                continue
            }
        }
    }

    /// A live record, or `nil` when unknown or deleted.
    public func record(_ key: RecordKey) -> RecordState? {
        guard let state = records[key], !state.isDeleted else { return nil }
        return state
    }

    /// Every field that holds concurrent writes, in record and field order.
    public var conflicts: [Conflict] {
        records.keys.sorted().flatMap { key -> [Conflict] in
            guard let state = records[key] else { return [] }
            return Conflict.all(in: state, of: key)
        }
    }

    /// The state digest (see `RegisterDigest`).
    public var digest: String {
        var digest = RegisterDigest()
        for key in records.keys.sorted() {
            if let state = records[key] { digest.add(key, state) }
        }
        return digest.finalize()
    }
}
