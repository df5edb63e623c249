import Foundation

extension NodeDirectory {
    /// The path of the restore mark (`restored.json`).
    var restoreMarkerPath: String { url.appendingPathComponent(RestoreMarker.fileName).path }

    /// The restore mark, or `nil` when the node's own head is not in doubt. A mark that cannot
    /// be read still counts as a mark (its content is only for people).
    public func restoreMarker() -> RestoreMarker? {
        guard FileManager.default.fileExists(atPath: restoreMarkerPath) else { return nil }
        guard let data = FileManager.default.contents(atPath: restoreMarkerPath),
            let marker = try? JSONDecoder().decode(RestoreMarker.self, from: data)
        else { return RestoreMarker(restoredAt: "?", backup: "?", backupMadeAt: "?", ownSeq: 0) }
        return marker
    }

    /// Refuses to author while the folder is marked restored (see `RestoreMarker`).
    /// - Throws: `AuthoringError.ownHeadUnconfirmed`.
    public func checkOwnHeadConfirmed() throws(AuthoringError) {
        guard let marker = restoreMarker() else { return }
        throw .ownHeadUnconfirmed(restoredAt: marker.restoredAt, backupMadeAt: marker.backupMadeAt)
    }

    /// Marks the folder restored: the node authors nothing until `confirmOwnHead()`.
    func markRestored(_ marker: RestoreMarker) throws(NodeDirectoryError) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let bytes: [UInt8]
        do { bytes = Array(try encoder.encode(marker)) + [0x0A] } catch {
            throw .io(path: restoreMarkerPath, operation: "encode", reason: "\(error)")
        }
        try FileIO.replace(restoreMarkerPath, bytes: bytes, mode: 0o644)
        try FileIO.syncDirectory(url.path)
    }

    /// Clears the restore mark after a sync round with a peer succeeded: the node has learned
    /// its own head as far as that peer holds it. Returns whether there was a mark.
    @discardableResult
    public func confirmOwnHead() throws(NodeDirectoryError) -> Bool {
        guard FileManager.default.fileExists(atPath: restoreMarkerPath) else { return false }
        do { try FileManager.default.removeItem(atPath: restoreMarkerPath) } catch {
            throw .io(path: restoreMarkerPath, operation: "remove", reason: "\(error.localizedDescription)")
        }
        try FileIO.syncDirectory(url.path)
        return true
    }
}
