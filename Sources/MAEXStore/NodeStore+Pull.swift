import GRDB
import MAEXCore

extension NodeStore {
    /// The change sets a peer holding `peerVector` lacks, as stored (the exact bytes, what a
    /// relay sends on), in **log order**: the order this node appended them, which is a causal
    /// order (a change set enters the log only after its predecessor and every change set its
    /// `deps` name). So every prefix of the answer can be applied in order by a peer that holds
    /// `peerVector`: nothing in it waits for a change set that comes later or not at all, and
    /// the peer's vector after applying a page is exactly the cursor of the next page.
    ///
    /// At most `maxCount` change sets and at most `maxBytes` of body and signature (but always
    /// at least one when any is missing, so sync progresses); `more` tells whether further
    /// change sets are missing. Only `authors` are considered when given. `skipping` names
    /// forks the peer knows (author to the first sequence it retracts): the author's change
    /// sets from that sequence on are left out, since the peer refuses them (rule 7.1).
    public func storedChangeSets(
        missingFrom peerVector: [NodeID: Int64], authors filter: Set<NodeID>? = nil, skipping forks: [NodeID: Int64] = [:],
        maxCount: Int, maxBytes: Int
    ) throws(StoreError) -> (items: [StoredChangeSet], more: Bool) {
        guard maxCount >= 1, maxBytes >= 1 else { throw .invalidArgument("maxCount and maxBytes must be at least 1") }
        return try reading("changeSets") { db in
            var merge = try LogOrderMerge(db, chunk: min(maxCount, 256))
            for row in try Row.fetchAll(db, sql: "SELECT author_no, node_id, head_seq FROM author WHERE head_seq > 0") {
                let node = try AuthorDirectory.nodeID(row[1])
                if let filter, !filter.contains(node) { continue }
                let upper = min(row[2] as Int64, (forks[node] ?? .max) - 1)
                try merge.add(authorNumber: row[0], node: node, after: max(0, peerVector[node] ?? 0), through: upper)
            }
            var items: [StoredChangeSet] = []
            var bytes = 0
            let bodies = try db.cachedStatement(sql: "SELECT id, body, signature FROM change_set WHERE apply_order = ?")
            while items.count < maxCount, let next = merge.peek() {
                guard let row = try Row.fetchOne(bodies, arguments: [next.order]) else {
                    throw StoreError.corruptRow(table: "change_set", detail: "log position \(next.order) vanished while reading")
                }
                let body = try RegisterRows.bytes(row, 1, table: "change_set")
                let signature = try RegisterRows.bytes(row, 2, table: "change_set")
                if !items.isEmpty, bytes + body.count + signature.count > maxBytes { break }
                let id = try AuthorDirectory.changeSetID(row[0], table: "change_set")
                items.append(StoredChangeSet(author: next.node, seq: next.seq, id: id, body: body, signature: signature))
                bytes += body.count + signature.count
                try merge.pop()
            }
            return (items, merge.peek() != nil)
        }
    }
}
