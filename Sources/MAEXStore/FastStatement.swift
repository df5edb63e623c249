import GRDB
import GRDBSQLite

/// A prepared statement of the hot apply path, bound and stepped through SQLite's C API: no
/// `StatementArguments` boxing per row. Text is bound with `SQLITE_TRANSIENT` (SQLite copies
/// it), never with a pointer that outlives the call. Only for INSERT/DELETE statements run
/// inside the writer's open transaction.
struct FastStatement {
    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

    private let statement: Statement
    private let db: Database

    init(_ db: Database, sql: String) throws {
        self.db = db
        statement = try db.cachedStatement(sql: sql)
    }

    private var handle: SQLiteStatement { statement.sqliteStatement }

    /// Binds an integer to parameter `index` (from 1).
    func bind(_ index: Int32, _ value: Int64) {
        sqlite3_bind_int64(handle, index, value)
    }

    /// Binds UTF-8 bytes as text to parameter `index` (from 1).
    func bind(_ index: Int32, utf8 bytes: [UInt8]) {
        bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else {
                _ = sqlite3_bind_text(handle, index, "", 0, Self.transient)
                return
            }
            _ = sqlite3_bind_text(handle, index, UnsafeRawPointer(base).assumingMemoryBound(to: CChar.self), Int32(buffer.count), Self.transient)
        }
    }

    /// Binds a string as text to parameter `index` (from 1).
    func bind(_ index: Int32, _ text: String) {
        var text = text
        text.withUTF8 { buffer in
            guard let base = buffer.baseAddress else {
                _ = sqlite3_bind_text(handle, index, "", 0, Self.transient)
                return
            }
            _ = sqlite3_bind_text(handle, index, UnsafeRawPointer(base).assumingMemoryBound(to: CChar.self), Int32(buffer.count), Self.transient)
        }
    }

    /// Runs the statement to completion and resets it; throws SQLite's error.
    func run() throws {
        defer { sqlite3_reset(handle) }
        while true {
            let code = sqlite3_step(handle)
            if code == SQLITE_DONE { return }
            if code == SQLITE_ROW { continue }
            let extended = sqlite3_extended_errcode(db.sqliteConnection)
            let message = db.sqliteConnection.map { String(cString: sqlite3_errmsg($0)) }
            throw DatabaseError(resultCode: ResultCode(rawValue: extended), message: message, sql: statement.sql)
        }
    }
}
