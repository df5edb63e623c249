import MAEXCore

/// The register a set of change sets must produce, computed without `Register` or
/// `MemoryReplica`: a record with any delete is deleted, its tombstone the earliest delete
/// (clock, author, sequence); otherwise each field keeps exactly the writes that no other write
/// of that field names in its `pred`.
enum ConvergenceOracle {
    /// The expected records.
    static func records(of changeSets: [ChangeSet]) -> [RecordKey: RecordState] {
        var writes: [FieldKey: [FieldWrite]] = [:]
        var superseded: [FieldKey: Set<ChangeRef>] = [:]
        var deletes: [RecordKey: [Tombstone]] = [:]
        var keys = Set<RecordKey>()
        for changeSet in changeSets {
            for op in changeSet.ops {
                switch op {
                case .set(let set):
                    let fieldKey = FieldKey(record: set.record, field: set.field)
                    writes[fieldKey, default: []].append(FieldWrite(ref: changeSet.ref, hlc: changeSet.hlc, value: set.value))
                    superseded[fieldKey, default: []].formUnion(set.pred)
                    keys.insert(set.record)
                case .delete(let record):
                    deletes[record, default: []].append(Tombstone(ref: changeSet.ref, hlc: changeSet.hlc))
                    keys.insert(record)
                case .trust, .unsupported:
                    continue
                }
            }
        }
        var result: [RecordKey: RecordState] = [:]
        for key in keys {
            if let tombstones = deletes[key], let first = tombstones.min(by: Tombstone.precedes) {
                result[key] = RecordState(tombstone: first)
                continue
            }
            var fields: [String: FieldState] = [:]
            for (fieldKey, fieldWrites) in writes where fieldKey.record == key {
                let gone = superseded[fieldKey] ?? []
                fields[fieldKey.field] = FieldState(writes: fieldWrites.filter { !gone.contains($0.ref) })
            }
            result[key] = RecordState(fields: fields)
        }
        return result
    }

    /// The digest of `records`, computed with `RegisterDigest` line by line in key order.
    static func digest(of records: [RecordKey: RecordState]) -> String {
        var digest = RegisterDigest()
        for key in records.keys.sorted() {
            if let state = records[key] { digest.add(key, state) }
        }
        return digest.finalize()
    }

    /// The conflicts of `records`, in record and field order.
    static func conflicts(of records: [RecordKey: RecordState]) -> [Conflict] {
        records.keys.sorted().flatMap { key in records[key].map { Conflict.all(in: $0, of: key) } ?? [] }
    }
}
