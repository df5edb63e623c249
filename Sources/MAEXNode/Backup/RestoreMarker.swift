import Foundation

/// The mark a restore leaves in a data folder (`restored.json`): the node's own head is
/// unconfirmed.
///
/// A store restored from a backup may lack the node's own latest change sets (made after the
/// backup and already sent to peers). Authoring from it would reuse their sequence numbers: a
/// fork of the node's own making. So while this file exists the node refuses to author
/// (`AuthoringError.ownHeadUnconfirmed`); the first sync round with a peer that succeeds
/// (pulling brings the node's own chain back as far as that peer holds it) removes it.
public struct RestoreMarker: Codable, Equatable, Sendable {
    /// The file's name inside the data folder.
    public static let fileName = "restored.json"

    /// When the folder was restored (ISO 8601).
    public var restoredAt: String
    /// The backup file restored from.
    public var backup: String
    /// When that backup was made (from its label).
    public var backupMadeAt: String
    /// The node's own highest sequence in the backup (0 when it held none).
    public var ownSeq: Int64

    /// Creates a marker.
    public init(restoredAt: String, backup: String, backupMadeAt: String, ownSeq: Int64) {
        self.restoredAt = restoredAt
        self.backup = backup
        self.backupMadeAt = backupMadeAt
        self.ownSeq = ownSeq
    }

    enum CodingKeys: String, CodingKey {
        case restoredAt = "restored_at"
        case backup
        case backupMadeAt = "backup_made_at"
        case ownSeq = "own_seq"
    }
}
