import Foundation
import Logging
import MAEXCore
import MAEXStore

extension NodeDirectory {
    /// The label keys of a backup.
    enum BackupLabel {
        static let format = "format"
        static let formatValue = "maex-backup 1"
        static let node = "node_id"
        static let name = "node_name"
        static let realm = "realm"
        static let madeAt = "made_at"
    }

    /// Writes a verified backup of the node's store to `path` while the node may keep serving.
    ///
    /// The copy is a snapshot from one read transaction (SQLite's online backup), labelled with
    /// the node, realm, time and digest, then opened as a store and checked (`integrity_check`,
    /// foreign keys, every change set's id and signature, chains, the register against the log).
    /// It is written as `path.partial` and renamed to `path` only once it passed. The key files
    /// are not in the backup: `node.key`, `node.json` and `admin.token` stay in the folder (keep
    /// copies of them apart from the backups; see docs/OPERATIONS.md).
    public func backup(to path: String, now: Date = Date(), logger: Logger) throws(BackupError) -> BackupReport {
        guard !FileManager.default.fileExists(atPath: path) else { throw .exists(path: path) }
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder), isFolder.boolValue else {
            throw .directory(.io(path: folder, operation: "write the backup into", reason: "the folder does not exist"))
        }
        guard FileManager.default.fileExists(atPath: storeURL.path) else {
            throw .foreign(path: url.path, reason: "the folder holds no store (\(Self.storeFileName)) to back up")
        }
        let partial = path + ".partial"
        StoreBackup.removeFiles(partial)
        let label = [
            BackupLabel.format: BackupLabel.formatValue, BackupLabel.node: nodeID.hex, BackupLabel.name: info.name,
            BackupLabel.realm: info.realm, BackupLabel.madeAt: Self.timestamp(now),
        ]
        do {
            try StoreBackup.copy(store: storeURL.path, to: partial, label: label)
            var report = try verifiedCopy(partial, logger: logger)
            try StoreBackup.seal(partial)
            guard rename(partial, path) == 0 else {
                throw BackupError.directory(.io(path: path, operation: "rename \(partial) to", reason: String(cString: strerror(errno))))
            }
            report.path = path
            logger.info("backup written", metadata: ["backup.path": "\(path)", "backup.digest": "\(report.digest)"])
            return report
        } catch let error as BackupError {
            StoreBackup.removeFiles(partial)
            throw error
        } catch let error as StoreError {
            StoreBackup.removeFiles(partial)
            throw .store(error)
        } catch {
            StoreBackup.removeFiles(partial)
            throw .store(.invalidArgument("\(error)"))
        }
    }

    /// Opens a copy as the node's store, checks it and reads what it holds.
    func verifiedCopy(_ path: String, logger: Logger) throws -> BackupReport {
        let store = try NodeStore(path: path, realm: info.realm, authority: .network(root: info.root), logger: logger)
        let problems = try store.verify()
        guard problems.isEmpty else { throw BackupError.verification(path: path, problems: problems) }
        return BackupReport(
            path: path, digest: try store.digest(), changeSets: try store.changeSetCount(),
            ownSeq: try store.vector()[nodeID]?.seq ?? 0, previousStore: nil)
    }

    /// An ISO 8601 time in UTC with seconds.
    static func timestamp(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: date)
    }
}
