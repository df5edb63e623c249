import Foundation
import GRDB

/// Online copies of a store file, for `maex-node backup` and `restore`.
///
/// A backup is one SQLite file: a consistent snapshot of the store taken with SQLite's online
/// backup API from a read-only connection (one read transaction, so a node may keep serving and
/// writing meanwhile), plus a `backup_label` table of text pairs naming what it is (node,
/// realm, time). The copy is in rollback-journal mode, so the single file is complete
/// on its own. Restoring copies it back the same way and drops the label.
///
/// Design note: this type never opens the source for writing and never migrates it, so a newer
/// program backing up an older node's live database leaves that database untouched. What a
/// backup holds is checked by opening the copy as a `NodeStore` (see `NodeDirectory`), not here.
public enum StoreBackup {
    /// The table of text pairs naming a backup.
    public static let labelTable = "backup_label"

    /// Copies the store at `source` into a new file at `destination` (which must not exist) and
    /// writes `label` into it.
    public static func copy(store source: String, to destination: String, label: [String: String]) throws(StoreError) {
        guard !FileManager.default.fileExists(atPath: destination) else {
            throw .invalidArgument("\(destination) exists already; refusing to overwrite it")
        }
        do {
            try copyPages(from: source, to: destination) { db in
                try db.execute(sql: "CREATE TABLE \(labelTable) (key TEXT PRIMARY KEY NOT NULL, value TEXT NOT NULL) WITHOUT ROWID")
                for (key, value) in label.sorted(by: { $0.key < $1.key }) {
                    try db.execute(sql: "INSERT INTO \(labelTable) (key, value) VALUES (?, ?)", arguments: [key, value])
                }
            }
        } catch {
            removeFiles(destination)
            throw StoreError.wrapping(error, operation: "backup")
        }
    }

    /// The label of the backup at `path`.
    /// - Throws: `StoreError.invalidArgument` when the file is no SQLite database or no backup.
    public static func label(at path: String) throws(StoreError) -> [String: String] {
        guard FileManager.default.fileExists(atPath: path) else { throw .invalidArgument("\(path) does not exist") }
        do {
            var configuration = Configuration()
            configuration.readonly = true
            let queue = try DatabaseQueue(path: path, configuration: configuration)
            return try queue.read { db in
                guard try db.tableExists(labelTable) else {
                    throw StoreError.invalidArgument("\(path) is not a backup made by `maex-node backup` (it has no \(labelTable))")
                }
                var label: [String: String] = [:]
                for row in try Row.fetchAll(db, sql: "SELECT key, value FROM \(labelTable)") { label[row[0]] = row[1] }
                return label
            }
        } catch let error as StoreError {
            throw error
        } catch let error as DatabaseError where error.resultCode == .SQLITE_NOTADB {
            throw .invalidArgument("\(path) is not a backup: not an SQLite database")
        } catch {
            throw StoreError.wrapping(error, operation: "read backup label")
        }
    }

    /// Copies the backup at `backup` into a new store file at `destination` (replacing a
    /// leftover one) without its label.
    public static func unpack(backup: String, to destination: String) throws(StoreError) {
        removeFiles(destination)
        do {
            try copyPages(from: backup, to: destination) { db in
                try db.execute(sql: "DROP TABLE IF EXISTS \(labelTable)")
            }
        } catch {
            removeFiles(destination)
            throw StoreError.wrapping(error, operation: "restore")
        }
    }

    /// Puts the store file at `path` into rollback-journal mode, so it is complete on its own
    /// (no `-wal` beside it). The store switches it back to WAL when it opens it.
    public static func seal(_ path: String) throws(StoreError) {
        do {
            let queue = try DatabaseQueue(path: path)
            try queue.writeWithoutTransaction { db in _ = try String.fetchOne(db, sql: "PRAGMA journal_mode = DELETE") }
            try queue.close()
        } catch {
            throw StoreError.wrapping(error, operation: "seal \(path)")
        }
    }

    /// Removes a database file and its `-wal`, `-shm` and `-journal` companions.
    public static func removeFiles(_ path: String) {
        for suffix in ["", "-wal", "-shm", "-journal"] { try? FileManager.default.removeItem(atPath: path + suffix) }
    }

    /// The online backup from a read-only connection of `source` into a new file, then `finish`
    /// on the copy, which is left in rollback-journal mode.
    private static func copyPages(from source: String, to destination: String, finish: (Database) throws -> Void) throws {
        var configuration = Configuration()
        configuration.readonly = true
        configuration.busyMode = .timeout(10)
        let reader = try DatabaseQueue(path: source, configuration: configuration)
        let copy = try DatabaseQueue(path: destination)
        try reader.backup(to: copy)
        try reader.close()
        try copy.writeWithoutTransaction { db in
            _ = try String.fetchOne(db, sql: "PRAGMA journal_mode = DELETE")
            try db.inTransaction {
                try finish(db)
                return .commit
            }
        }
        try copy.close()
    }
}
