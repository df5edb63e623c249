import Foundation
import Logging
import MAEXCore
import MAEXStore

extension NodeDirectory {
    /// Replaces the node's store with the backup at `backupPath` and marks the folder restored.
    ///
    /// The caller holds the folder's serve lock (exclusively: no node serves it, no command
    /// writes to it). The backup must be labelled with this node's id and realm. It is unpacked
    /// beside the store, migrated to this program's schema and verified before anything of the
    /// folder changes; then `restored.json` is written (so the node authors nothing until a
    /// sync round with a peer has brought its own later change sets back), the old store is
    /// moved aside to `maex.sqlite.before-restore-<time>` and the copy takes its place. The key
    /// files are untouched.
    public func restore(from backupPath: String, now: Date = Date(), logger: Logger) throws(BackupError) -> BackupReport {
        guard FileManager.default.fileExists(atPath: backupPath) else { throw .foreign(path: backupPath, reason: "it does not exist") }
        let label: [String: String]
        do { label = try StoreBackup.label(at: backupPath) } catch {
            if case .invalidArgument(let reason) = error { throw .foreign(path: backupPath, reason: reason) }
            throw .foreign(path: backupPath, reason: error.description)
        }
        try checkLabel(label, path: backupPath)
        let unpacked = storeURL.path + ".restoring"
        do {
            try StoreBackup.unpack(backup: backupPath, to: unpacked)
            var report = try verifiedCopy(unpacked, logger: logger)
            try StoreBackup.seal(unpacked)
            try markRestored(RestoreMarker(
                restoredAt: Self.timestamp(now), backup: backupPath, backupMadeAt: label[BackupLabel.madeAt] ?? "?", ownSeq: report.ownSeq))
            report.previousStore = try moveStoreAside(stamp: Self.timestamp(now))
            guard rename(unpacked, storeURL.path) == 0 else {
                throw BackupError.directory(.io(path: storeURL.path, operation: "rename \(unpacked) to", reason: String(cString: strerror(errno))))
            }
            try FileIO.syncDirectory(url.path)
            report.path = storeURL.path
            logger.info("store restored", metadata: ["backup.path": "\(backupPath)", "backup.digest": "\(report.digest)"])
            return report
        } catch let error as BackupError {
            StoreBackup.removeFiles(unpacked)
            throw error
        } catch let error as StoreError {
            StoreBackup.removeFiles(unpacked)
            throw .store(error)
        } catch let error as NodeDirectoryError {
            StoreBackup.removeFiles(unpacked)
            throw .directory(error)
        } catch {
            StoreBackup.removeFiles(unpacked)
            throw .store(.invalidArgument("\(error)"))
        }
    }

    /// The backup must be one of this node, of this network.
    private func checkLabel(_ label: [String: String], path: String) throws(BackupError) {
        guard label[BackupLabel.format] == BackupLabel.formatValue else {
            throw .foreign(path: path, reason: "unknown backup format \"\(label[BackupLabel.format] ?? "")\" (expected \(BackupLabel.formatValue))")
        }
        guard label[BackupLabel.node] == nodeID.hex else {
            let name = label[BackupLabel.name].map { " (\($0))" } ?? ""
            throw .foreign(path: path, reason: "it is a backup of node \(label[BackupLabel.node] ?? "?")\(name), not of this node \(nodeID.hex)")
        }
        guard label[BackupLabel.realm] == info.realm else {
            throw .foreign(path: path, reason: "it is of realm \(label[BackupLabel.realm] ?? "?"), this node's is \(info.realm)")
        }
    }

    /// Moves the current store (with its WAL) aside; returns where, or `nil` when there was none.
    private func moveStoreAside(stamp: String) throws(BackupError) -> String? {
        let current = storeURL.path
        guard FileManager.default.fileExists(atPath: current) else {
            StoreBackup.removeFiles(current)
            return nil
        }
        let aside = current + ".before-restore-" + stamp.replacingOccurrences(of: ":", with: "")
        for suffix in ["", "-wal", "-shm", "-journal"] where FileManager.default.fileExists(atPath: current + suffix) {
            guard rename(current + suffix, aside + suffix) == 0 else {
                throw .directory(.io(path: current + suffix, operation: "move aside", reason: String(cString: strerror(errno))))
            }
        }
        return aside
    }
}
