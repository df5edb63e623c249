import MAEXCore

extension ChangeSetPlanner {
    /// Builds one change set carrying several edits (each of a different record), or throws why
    /// one of them is refused: then none is made. `snapshots[i]` is the snapshot for `edits[i]`;
    /// the head, clocks and realm are read from the first.
    public static func plan(_ edits: [LocalEdit], in snapshots: [AuthoringSnapshot]) throws(AuthoringError) -> ChangeSet {
        guard let first = snapshots.first, edits.count == snapshots.count else { throw .nothingToChange(RecordKey(type: "", id: "")) }
        var seen = Set<RecordKey>()
        var ops: [ChangeOperation] = []
        for (edit, snapshot) in zip(edits, snapshots) {
            guard seen.insert(edit.record).inserted else { throw .recordExists(edit.record) }
            ops += try operations(for: edit, in: snapshot)
        }
        let seq = (first.head?.seq ?? 0) + 1
        let authorityDeps = snapshots.flatMap(\.authorityDeps)
        return ChangeSet(
            realm: first.realm, author: first.author, seq: seq, prev: first.head?.id,
            hlc: nextClock(first), deps: dependencies(of: ops, author: first.author, adding: authorityDeps), ops: ops)
    }
}
