import MAEXStore

/// Why a backup or a restore failed. Nothing was changed: a failed backup leaves no file, a
/// failed restore leaves the folder's store as it was.
public enum BackupError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The backup file exists already.
    case exists(path: String)
    /// The file is not a backup of this node (another node, another network, no label).
    case foreign(path: String, reason: String)
    /// The copy did not pass the checks (SQLite's integrity check, the store's own verify).
    case verification(path: String, problems: [String])
    /// The store refused or failed.
    case store(StoreError)
    /// A file of the data folder could not be written.
    case directory(NodeDirectoryError)

    public var description: String {
        switch self {
        case .exists(let path): "\(path) exists already; refusing to overwrite it (choose another --out)"
        case .foreign(let path, let reason): "\(path) cannot be restored here: \(reason)"
        case .verification(let path, let problems):
            "the copy \(path) failed verification (\(problems.count) problem(s)): " + problems.prefix(5).joined(separator: "; ")
        case .store(let error): error.description
        case .directory(let error): error.description
        }
    }
}
