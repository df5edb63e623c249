import GRDB
import GRDBSQLite

/// A prepared statement of the hot apply path, bound and stepped through SQLite's C API: no
/// `StatementArguments` boxing per row. Text and blobs are bound with `SQLITE_TRANSIENT`
/// (SQLite copies them), never with a pointer that outlives the call. Only for the writer's
/// INSERT/UPDATE/DELETE statements and single-row lookups inside its open transaction (the
/// store registers no GRDB transaction observers that would need to see these statements).
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

    /// Binds bytes as a blob to parameter `index` (from 1).
    func bind(_ index: Int32, blob bytes: [UInt8]) {
        bytes.withUnsafeBytes { buffer in
            guard let base = buffer.baseAddress, !buffer.isEmpty else {
                _ = sqlite3_bind_zeroblob(handle, index, 0)
                return
            }
            _ = sqlite3_bind_blob(handle, index, base, Int32(buffer.count), Self.transient)
        }
    }

    /// Binds SQL NULL to parameter `index` (from 1).
    func bindNull(_ index: Int32) {
        sqlite3_bind_null(handle, index)
    }

    /// Binds a string as text, or NULL for `nil`, to parameter `index` (from 1).
    func bind(_ index: Int32, _ text: String?) {
        if let text { bind(index, text) } else { bindNull(index) }
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
            throw error()
        }
    }

    /// Steps once and reads the first row with `read` (`nil` when there is none), then resets.
    func firstRow<T>(_ read: (FastStatement) throws -> T) throws -> T? {
        defer { sqlite3_reset(handle) }
        let code = sqlite3_step(handle)
        if code == SQLITE_ROW { return try read(self) }
        if code == SQLITE_DONE { return nil }
        throw error()
    }

    /// Column `column` (from 0) of the current row as an integer.
    func int64(_ column: Int32) -> Int64 {
        sqlite3_column_int64(handle, column)
    }

    private func error() -> DatabaseError {
        let extended = sqlite3_extended_errcode(db.sqliteConnection)
        let message = db.sqliteConnection.map { String(cString: sqlite3_errmsg($0)) }
        return DatabaseError(resultCode: ResultCode(rawValue: extended), message: message, sql: statement.sql)
    }
}
