import GRDB
import MAEXCore

/// What the store keeps per author: its row number, its head and its fork flag.
struct AuthorRow: Equatable {
    /// `author.author_no`, the compact key used by the other tables.
    var number: Int64
    /// The latest change set held, `nil` before the first.
    var head: AuthorHead?
    /// The first sequence no longer applied because the author forked.
    var forkedFrom: Int64?
}

/// The `author` table as seen by the writer during one transaction, with a cache.
///
/// Only the writer holds one, inside one write transaction, so the cache cannot go stale from
/// outside; `reset()` drops it after a savepoint rollback.
///
/// Heads can be deferred (`defersHeads`): a group of change sets then moves each author's
/// head in the cache only and `flushHeads()` writes one UPDATE per author before the group's
/// savepoint is released. Nothing reads `author.head_*` through SQL inside the writer's
/// transaction; the cache answers.
final class AuthorDirectory {
    private let db: Database
    private var rows: [NodeID: AuthorRow?] = [:]
    private var nodes: [Int64: NodeID] = [:]
    private var deferredHeads: [Int64: AuthorHead] = [:]
    private var updateHead: FastStatement?
    /// Whether `setHead` leaves the UPDATE to `flushHeads()`.
    var defersHeads = false

    init(db: Database) {
        self.db = db
    }

    /// Forgets everything cached, deferred heads included (after a rollback).
    func reset() {
        rows = [:]
        nodes = [:]
        deferredHeads = [:]
    }

    /// The author's row, or `nil` when nothing of the author was ever applied.
    func row(_ node: NodeID) throws -> AuthorRow? {
        if let cached = rows[node] { return cached }
        let statement = try db.cachedStatement(sql: """
            SELECT author_no, head_seq, head_id, head_hlc_ms, head_hlc_counter, forked_from FROM author WHERE node_id = ?
            """)
        var found: AuthorRow?
        if let row = try Row.fetchOne(statement, arguments: [node.hex]) {
            found = try Self.decode(row)
            nodes[row[0]] = node
        }
        rows[node] = .some(found)
        return found
    }

    /// The head sequence of an author already looked up with `row(_:)` (0 when unknown).
    func cachedHeadSeq(_ node: NodeID) -> Int64 {
        (rows[node] ?? nil)?.head?.seq ?? 0
    }

    /// The first sequence a fork of the author retracts, from the cache (`nil` when not forked
    /// or not looked up).
    func cachedForkedFrom(_ node: NodeID) -> Int64? {
        (rows[node] ?? nil)?.forkedFrom
    }

    /// The author's row, inserting an empty one if needed.
    func ensure(_ node: NodeID) throws -> AuthorRow {
        if let existing = try row(node) { return existing }
        try db.cachedStatement(sql: "INSERT INTO author (node_id) VALUES (?)").execute(arguments: [node.hex])
        let created = AuthorRow(number: db.lastInsertedRowID, head: nil, forkedFrom: nil)
        rows[node] = .some(created)
        nodes[created.number] = node
        return created
    }

    /// The row number of a known author, `nil` when unknown.
    func number(_ node: NodeID) throws -> Int64? {
        try row(node)?.number
    }

    /// The author with row number `number`.
    func node(number: Int64) throws -> NodeID {
        if let node = nodes[number] { return node }
        let statement = try db.cachedStatement(sql: "SELECT node_id FROM author WHERE author_no = ?")
        guard let hex = try String.fetchOne(statement, arguments: [number]) else {
            throw StoreError.corruptRow(table: "author", detail: "no author number \(number)")
        }
        let node = try Self.nodeID(hex)
        nodes[number] = node
        return node
    }

    /// Moves the author's head to a newly applied change set (in the cache only while
    /// `defersHeads`).
    func setHead(_ node: NodeID, _ head: AuthorHead) throws {
        var row = try ensure(node)
        row.head = head
        rows[node] = .some(row)
        if defersHeads {
            deferredHeads[row.number] = head
        } else {
            try writeHead(head, authorNumber: row.number)
        }
    }

    /// Writes the heads deferred since the last flush.
    func flushHeads() throws {
        for (number, head) in deferredHeads.sorted(by: { $0.key < $1.key }) {
            try writeHead(head, authorNumber: number)
        }
        deferredHeads = [:]
    }

    private func writeHead(_ head: AuthorHead, authorNumber: Int64) throws {
        let statement: FastStatement
        if let updateHead {
            statement = updateHead
        } else {
            statement = try FastStatement(db, sql: """
                UPDATE author SET head_seq = ?, head_id = ?, head_hlc_ms = ?, head_hlc_counter = ? WHERE author_no = ?
                """)
            updateHead = statement
        }
        statement.bind(1, head.seq)
        statement.bind(2, head.id.hex)
        statement.bind(3, head.hlc.milliseconds)
        statement.bind(4, head.hlc.counter)
        statement.bind(5, authorNumber)
        try statement.run()
    }

    /// Flags the author as forked from `seq` on.
    func setForkedFrom(_ node: NodeID, _ seq: Int64) throws {
        var row = try ensure(node)
        try db.cachedStatement(sql: "UPDATE author SET forked_from = ? WHERE author_no = ?").execute(arguments: [seq, row.number])
        row.forkedFrom = seq
        rows[node] = .some(row)
    }

    /// Decodes `author_no, head_seq, head_id, head_hlc_ms, head_hlc_counter, forked_from`.
    static func decode(_ row: Row) throws -> AuthorRow {
        let headSeq: Int64 = row[1]
        var head: AuthorHead?
        if headSeq > 0 {
            let idHex: String? = row[2]
            head = AuthorHead(
                seq: headSeq, id: try changeSetID(idHex ?? "", table: "author"),
                hlc: HLCTimestamp(milliseconds: row[3], counter: row[4]))
        }
        return AuthorRow(number: row[0], head: head, forkedFrom: row[5])
    }

    /// Parses a stored node id.
    static func nodeID(_ hex: String) throws -> NodeID {
        do { return try NodeID(hex: hex) } catch {
            throw StoreError.corruptRow(table: "author", detail: "node id \(hex.prefix(70)): \(error)")
        }
    }

    /// Parses a stored change-set id.
    static func changeSetID(_ hex: String, table: String) throws -> ChangeSetID {
        do { return try ChangeSetID(hex: hex) } catch {
            throw StoreError.corruptRow(table: table, detail: "change-set id \(hex.prefix(70)): \(error)")
        }
    }
}
