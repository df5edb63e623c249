import MAEXCore

/// The pure decision of authoring: checks an edit against the schema, the record's state and
/// the node's scope, and builds the change set that carries it. Reads nothing but its inputs.
public enum ChangeSetPlanner {
    /// Builds the change set for `edit`, or throws why the edit is refused.
    ///
    /// - `seq` is one past the node's head and `prev` the head's id;
    /// - `hlc` continues after both the head's clock and the latest clock held, ticked with the
    ///   wall clock, so it exceeds every clock the node has seen;
    /// - every set's `pred` is the field's current writes, and `deps` holds, for every other
    ///   author named in a `pred` or in the snapshot's `authorityDeps`, the highest sequence named.
    public static func plan(_ edit: LocalEdit, in snapshot: AuthoringSnapshot) throws(AuthoringError) -> ChangeSet {
        build(try operations(for: edit, in: snapshot), in: snapshot)
    }

    /// Builds the change set carrying trust operations (certificates, revocations, rotations);
    /// whether the node may issue them is judged when it is stored.
    public static func plan(trust: [TrustOperation], in snapshot: AuthoringSnapshot) throws(AuthoringError) -> ChangeSet {
        guard !trust.isEmpty else { throw .nothingToChange(RecordKey(type: "trust", id: snapshot.author.hex)) }
        return build(trust.map(ChangeOperation.trust), in: snapshot)
    }

    private static func build(_ ops: [ChangeOperation], in snapshot: AuthoringSnapshot) -> ChangeSet {
        let deps = dependencies(of: ops, author: snapshot.author, adding: snapshot.authorityDeps)
        return ChangeSet(
            realm: snapshot.realm, author: snapshot.author, seq: (snapshot.head?.seq ?? 0) + 1, prev: snapshot.head?.id,
            hlc: nextClock(snapshot), deps: deps, ops: ops)
    }

    /// The clock reading of the next change set.
    public static func nextClock(_ snapshot: AuthoringSnapshot) -> HLCTimestamp {
        let last = max(snapshot.head?.hlc ?? .zero, snapshot.latestClock ?? .zero)
        var clock = HybridLogicalClock(last: last)
        return clock.tick(wallMilliseconds: snapshot.wallMilliseconds)
    }

    /// For every other author named in a `pred` or in `adding`, the highest sequence named.
    public static func dependencies(of ops: [ChangeOperation], author: NodeID, adding extra: [ChangeRef] = []) -> [NodeID: Int64] {
        var deps: [NodeID: Int64] = [:]
        for ref in extra where ref.author != author {
            deps[ref.author] = max(deps[ref.author] ?? 0, ref.seq)
        }
        for case .set(let op) in ops {
            for ref in op.pred where ref.author != author {
                deps[ref.author] = max(deps[ref.author] ?? 0, ref.seq)
            }
        }
        return deps
    }

    static func operations(for edit: LocalEdit, in snapshot: AuthoringSnapshot) throws(AuthoringError) -> [ChangeOperation] {
        let key = edit.record
        guard EnvelopeRules.isValidRecordID(key.id) else { throw .invalidRecordID(key.id) }
        let schema: RecordSchema
        do { schema = try RecordSchema.named(key.type) } catch { throw .schema(error) }
        switch edit {
        case .create(_, let values):
            guard snapshot.record == nil else { throw .recordExists(key) }
            do { try schema.validateNew(values) } catch { throw .schema(error) }
            try checkScope(values["municipality"], snapshot)
            return sets(key, values.filter { $0.value != .null }, snapshot)
        case .update(_, let values):
            try checkLive(key, snapshot)
            guard !values.isEmpty else { throw .nothingToChange(key) }
            for (field, value) in values.sorted(by: { $0.key < $1.key }) {
                do { try schema.field(field).validate(value) } catch { throw .schema(error) }
            }
            try checkScope(snapshot.record?.value(of: "municipality"), snapshot)
            if let moved = values["municipality"] { try checkScope(moved, snapshot) }
            return sets(key, values, snapshot)
        case .delete:
            try checkLive(key, snapshot)
            try checkScope(snapshot.record?.value(of: "municipality"), snapshot)
            return [.delete(key)]
        }
    }

    private static func sets(_ key: RecordKey, _ values: [String: JSONValue], _ snapshot: AuthoringSnapshot) -> [ChangeOperation] {
        values.keys.sorted().compactMap { field in
            guard let value = values[field] else { return nil }
            return .set(SetOperation(record: key, field: field, value: value, pred: snapshot.currentWrites[field] ?? []))
        }
    }

    private static func checkLive(_ key: RecordKey, _ snapshot: AuthoringSnapshot) throws(AuthoringError) {
        guard let record = snapshot.record else { throw .unknownRecord(key) }
        guard !record.isDeleted else { throw .deletedRecord(key) }
    }

    private static func checkScope(_ municipality: JSONValue?, _ snapshot: AuthoringSnapshot) throws(AuthoringError) {
        guard let allowed = snapshot.municipalities else { return }
        let code = municipality?.stringValue ?? "(none)"
        guard allowed.contains(code) else { throw .outOfScope(municipality: code, allowed: allowed.sorted()) }
    }
}
