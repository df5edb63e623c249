import GRDB
import Logging
import MAEXCore

extension WriteSession {
    /// Receives the items `0..<count` of a batch (`each` receives one) inside one savepoint
    /// instead of one savepoint per change set, which is the writer's largest fixed cost for
    /// small change sets; the authors' heads are written once per author at the end of the group.
    ///
    /// Atomicity per change set is kept: when the schema refuses something (a constraint
    /// violation the rules let through, a bug, never expected) the whole group is rolled back
    /// and received again one change set per savepoint (`receiveAtomically`), so exactly the
    /// offending change set is refused and quarantined, as without the group. Every other error
    /// is thrown and the caller's transaction keeps nothing. `each` must be safe to call again
    /// for the same index (the raw path re-reads already opened results).
    func receiveGroup<T>(count: Int, _ each: (Int) throws -> T) throws -> [T] {
        var results: [T] = []
        results.reserveCapacity(count)
        do {
            try db.inSavepoint {
                grouped = true
                authors.defersHeads = true
                defer {
                    grouped = false
                    authors.defersHeads = false
                }
                for index in 0..<count { results.append(try each(index)) }
                try authors.flushHeads()
                return .commit
            }
            return results
        } catch let error as DatabaseError where error.resultCode == .SQLITE_CONSTRAINT {
            logger.warning(
                "a change set of the batch violates a store constraint: receiving the batch again one by one",
                metadata: ["batch.count": "\(count)", "store.error": "\(error)"])
            try forgetCachedState()
            results.removeAll(keepingCapacity: true)
            for index in 0..<count { results.append(try each(index)) }
            return results
        }
    }

    /// Drops what the session cached from rows a rollback just undid.
    func forgetCachedState() throws {
        authors.reset()
        register.reset()
        try authority?.reload()
    }
}
