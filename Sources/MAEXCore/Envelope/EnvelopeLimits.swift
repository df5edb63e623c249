/// Fixed limits of the change-set envelope, part of the protocol.
public enum EnvelopeLimits {
    /// The schema version this implementation writes and fully understands.
    public static let currentVersion: Int64 = 1
    /// The largest signed body accepted, in bytes.
    public static let maxBodyBytes = 1_048_576
    /// The most operations in one change set.
    public static let maxOperations = 10_000
    /// The most entries in `deps` and in one `pred`.
    public static let maxReferences = 1_000
}
