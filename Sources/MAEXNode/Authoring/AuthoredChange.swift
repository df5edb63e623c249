import MAEXCore

/// A change set this node authored and stored.
public struct AuthoredChange: Hashable, Sendable {
    /// The record the edit touched.
    public var record: RecordKey
    /// The signed change set, as stored.
    public var signed: SignedChangeSet

    /// Creates a result.
    public init(record: RecordKey, signed: SignedChangeSet) {
        self.record = record
        self.signed = signed
    }
}
