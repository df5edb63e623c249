import GRDB
import MAEXCore

/// Applies change sets to the derived register tables (`record`, `field_write`), mirroring
/// `Register.apply` exactly: a set removes the writes named in its `pred` and adds itself; a
/// delete keeps the earliest tombstone and drops the record's fields; a deleted record ignores
/// later sets.
///
/// The hot path is one `INSERT` per set operation (plus one `DELETE` per `pred` entry), through
/// statements prepared once; records are looked up once per transaction and cached.
final class RegisterWriter {
    private struct RecordSlot {
        var number: Int64
        var isDeleted: Bool
    }

    private static let maxCachedRecords = 50_000

    private let db: Database
    private let authors: AuthorDirectory
    private var records: [RecordKey: RecordSlot] = [:]
    private let insertWrite: FastStatement
    private let deleteWrite: FastStatement
    private let findRecord: FastStatement
    private let insertRecord: FastStatement

    init(db: Database, authors: AuthorDirectory) throws {
        self.db = db
        self.authors = authors
        insertWrite = try FastStatement(db, sql: """
            INSERT INTO field_write (record_no, field, author_no, seq, hlc_ms, hlc_counter, value)
            VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING
            """)
        deleteWrite = try FastStatement(db, sql: """
            DELETE FROM field_write WHERE record_no = ? AND field = ? AND author_no = ? AND seq = ?
            """)
        findRecord = try FastStatement(db, sql: "SELECT record_no, deleted_seq IS NOT NULL FROM record WHERE type = ? AND id = ?")
        insertRecord = try FastStatement(db, sql: "INSERT INTO record (type, id) VALUES (?, ?)")
    }

    /// Forgets cached record rows (after a rollback or when the tables were cleared).
    func reset() {
        records = [:]
    }

    /// Applies every understood operation of `changeSet`, written by author row `authorNumber`.
    func apply(_ changeSet: ChangeSet, authorNumber: Int64) throws {
        let ref = changeSet.ref
        for op in changeSet.ops {
            switch op {
            case .set(let set):
                try applySet(set, authorNumber: authorNumber, seq: ref.seq, hlc: changeSet.hlc)
            case .delete(let key):
                try applyDelete(key, tombstone: Tombstone(ref: ref, hlc: changeSet.hlc), authorNumber: authorNumber)
            case .trust, .unsupported:
                continue
            }
        }
    }

    private func applySet(_ set: SetOperation, authorNumber: Int64, seq: Int64, hlc: HLCTimestamp) throws {
        let slot = try recordSlot(set.record)
        guard !slot.isDeleted else { return }
        for pred in set.pred {
            guard let predAuthor = try authors.number(pred.author) else { continue }
            deleteWrite.bind(1, slot.number)
            deleteWrite.bind(2, set.field)
            deleteWrite.bind(3, predAuthor)
            deleteWrite.bind(4, pred.seq)
            try deleteWrite.run()
        }
        insertWrite.bind(1, slot.number)
        insertWrite.bind(2, set.field)
        insertWrite.bind(3, authorNumber)
        insertWrite.bind(4, seq)
        insertWrite.bind(5, hlc.milliseconds)
        insertWrite.bind(6, hlc.counter)
        insertWrite.bind(7, utf8: set.value.canonicalBytes)
        try insertWrite.run()
        if set.field == StoreSchema.municipalityField { try refreshMunicipality(record: slot.number) }
    }

    private func applyDelete(_ key: RecordKey, tombstone: Tombstone, authorNumber: Int64) throws {
        var slot = try recordSlot(key)
        if slot.isDeleted {
            let existing = try storedTombstone(record: slot.number)
            guard Tombstone.precedes(tombstone, existing) else { return }
        }
        try db.cachedStatement(sql: """
            UPDATE record SET deleted_author_no = ?, deleted_seq = ?, deleted_hlc_ms = ?, deleted_hlc_counter = ?,
                municipality = NULL WHERE record_no = ?
            """).execute(arguments: [authorNumber, tombstone.ref.seq, tombstone.hlc.milliseconds, tombstone.hlc.counter, slot.number])
        try db.cachedStatement(sql: "DELETE FROM field_write WHERE record_no = ?").execute(arguments: [slot.number])
        slot.isDeleted = true
        records[key] = slot
    }

    private func storedTombstone(record: Int64) throws -> Tombstone {
        let statement = try db.cachedStatement(sql: """
            SELECT deleted_author_no, deleted_seq, deleted_hlc_ms, deleted_hlc_counter FROM record WHERE record_no = ?
            """)
        guard let row = try Row.fetchOne(statement, arguments: [record]), let authorNumber: Int64 = row[0] else {
            throw StoreError.corruptRow(table: "record", detail: "record \(record) has no tombstone")
        }
        let ref = ChangeRef(author: try authors.node(number: authorNumber), seq: row[1])
        return Tombstone(ref: ref, hlc: HLCTimestamp(milliseconds: row[2], counter: row[3]))
    }

    /// Sets `record.municipality` to the winning value of the municipality field.
    private func refreshMunicipality(record: Int64) throws {
        let statement = try db.cachedStatement(sql: """
            SELECT author_no, seq, hlc_ms, hlc_counter, value FROM field_write WHERE record_no = ? AND field = ?
            """)
        var winner: FieldWrite?
        for row in try Row.fetchAll(statement, arguments: [record, StoreSchema.municipalityField]) {
            let write = FieldWrite(
                ref: ChangeRef(author: try authors.node(number: row[0]), seq: row[1]),
                hlc: HLCTimestamp(milliseconds: row[2], counter: row[3]), value: .null)
            if winner.map({ FieldWrite.precedes($0, write) }) ?? true {
                winner = FieldWrite(ref: write.ref, hlc: write.hlc, value: try RegisterRows.value(row[4]))
            }
        }
        try db.cachedStatement(sql: "UPDATE record SET municipality = ? WHERE record_no = ?")
            .execute(arguments: [winner?.value.stringValue, record])
    }

    private func recordSlot(_ key: RecordKey) throws -> RecordSlot {
        if let slot = records[key] { return slot }
        findRecord.bind(1, key.type)
        findRecord.bind(2, key.id)
        let slot: RecordSlot
        if let found = try findRecord.firstRow({ RecordSlot(number: $0.int64(0), isDeleted: $0.int64(1) != 0) }) {
            slot = found
        } else {
            insertRecord.bind(1, key.type)
            insertRecord.bind(2, key.id)
            try insertRecord.run()
            slot = RecordSlot(number: db.lastInsertedRowID, isDeleted: false)
        }
        if records.count >= Self.maxCachedRecords { records = [:] }
        records[key] = slot
        return slot
    }

    /// Clears the derived tables and re-derives them from the log in apply order, leaving out
    /// change sets retracted by a fork (an author's sequences from its `forked_from` on).
    func rederive() throws {
        try db.execute(sql: "DELETE FROM field_write; DELETE FROM record;")
        reset()
        var forkedFrom: [Int64: Int64] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT author_no, forked_from FROM author WHERE forked_from IS NOT NULL") {
            forkedFrom[row[0]] = row[1]
        }
        var retracted = Set<[Int64]>()
        for row in try Row.fetchAll(db, sql: "SELECT author_no, seq FROM retraction") {
            retracted.insert([row[0], row[1]])
        }
        let rows = try Row.fetchCursor(db, sql: "SELECT author_no, seq, body, id FROM change_set ORDER BY apply_order")
        while let row = try rows.next() {
            let authorNumber: Int64 = row[0]
            let seq: Int64 = row[1]
            if let from = forkedFrom[authorNumber], seq >= from { continue }
            if !retracted.isEmpty, retracted.contains([authorNumber, seq]) { continue }
            let body: [UInt8] = try RegisterRows.bytes(row, 2, table: "change_set")
            let changeSet: ChangeSet
            do { changeSet = try SignedChangeSet.decode(body: body) } catch {
                let id: String = row[3]
                throw StoreError.corruptRow(table: "change_set", detail: "change set \(id) no longer decodes: \(error)")
            }
            try apply(changeSet, authorNumber: authorNumber)
        }
    }
}
