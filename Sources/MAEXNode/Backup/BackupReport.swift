/// What a verified backup or restore holds.
public struct BackupReport: Equatable, Sendable {
    /// The file written (the backup, or the restored store).
    public var path: String
    /// The state digest of the copy.
    public var digest: String
    /// How many change sets the copy holds.
    public var changeSets: Int
    /// The node's own highest sequence in the copy (0 when none).
    public var ownSeq: Int64
    /// On restore, where the store that was replaced was moved (`nil` when there was none).
    public var previousStore: String?
}
