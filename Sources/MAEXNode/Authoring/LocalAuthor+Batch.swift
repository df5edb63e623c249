import MAEXCore

extension LocalAuthor {
    /// Authors several edits (each of a different record) as one signed change set: all are
    /// stored together or, when one is refused, none.
    @discardableResult
    public func author(_ edits: [LocalEdit]) throws -> AuthoredChange {
        guard let first = edits.first else { throw AuthoringError.nothingToChange(RecordKey(type: "", id: "")) }
        if edits.count == 1 { return try author(first) }
        return try withAuthoringLock {
            let snapshots = try edits.map { try snapshot(for: $0) }
            let changeSet = try ChangeSetPlanner.plan(edits, in: snapshots)
            return try storeSigned(changeSet, record: first.record, nowMilliseconds: snapshots[0].wallMilliseconds)
        }
    }
}
