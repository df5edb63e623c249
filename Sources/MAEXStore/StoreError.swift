import GRDB

/// A failure of the node's SQLite store, naming what the store was doing.
///
/// Refused change sets are not errors: they are answered with `ReceiveOutcome.rejected` and
/// kept in quarantine. A `StoreError` means the store itself could not do its work, and the
/// operation changed nothing (its transaction was rolled back).
public enum StoreError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The database file could not be opened or set up.
    case open(path: String, reason: String)
    /// A schema migration failed.
    case migration(path: String, reason: String)
    /// SQLite refused or failed an operation (`code` is the extended SQLite result code).
    case database(operation: String, code: Int32, message: String)
    /// A stored row could not be read back (a damaged or hand-edited database).
    case corruptRow(table: String, detail: String)
    /// An argument is outside what the operation accepts.
    case invalidArgument(String)

    public var description: String {
        switch self {
        case .open(let path, let reason): "cannot open the store at \(path): \(reason)"
        case .migration(let path, let reason): "cannot migrate the store at \(path): \(reason)"
        case .database(let operation, let code, let message): "store \(operation) failed (SQLite \(code)): \(message)"
        case .corruptRow(let table, let detail): "damaged row in \(table): \(detail)"
        case .invalidArgument(let detail): "invalid store argument: \(detail)"
        }
    }

    /// Wraps any error thrown while performing `operation`.
    static func wrapping(_ error: any Error, operation: String) -> StoreError {
        if let error = error as? StoreError { return error }
        if let error = error as? DatabaseError {
            return .database(operation: operation, code: error.extendedResultCode.rawValue, message: error.message ?? "\(error)")
        }
        return .database(operation: operation, code: -1, message: "\(error)")
    }
}
