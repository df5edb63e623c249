/// One operation of a change set.
public enum ChangeOperation: Hashable, Sendable {
    /// Set one field of a record.
    case set(SetOperation)
    /// Delete a record for good (a tombstone; its id is never reused).
    case delete(RecordKey)
    /// A certificate, revocation or key rotation (see `TrustOperation`); it touches no record.
    case trust(TrustOperation)
    /// An operation of a newer schema version: kept in the signed bytes, not applied.
    case unsupported(kind: String)

    /// The record the operation touches, if this node understands it.
    public var record: RecordKey? {
        switch self {
        case .set(let op): op.record
        case .delete(let key): key
        case .trust, .unsupported: nil
        }
    }
}

/// Sets `field` of `record` to `value`, superseding the writes named in `pred`.
public struct SetOperation: Hashable, Sendable {
    /// The record written.
    public var record: RecordKey
    /// The field name, `[a-z][a-z0-9_]{0,63}`.
    public var field: String
    /// The new value (any JSON value without floating point).
    public var value: JSONValue
    /// The writes of this field the author had seen and supersedes (the field's current
    /// values at the author when it wrote), as change-set references. Empty for a first write.
    public var pred: [ChangeRef]

    /// Creates a set operation.
    public init(record: RecordKey, field: String, value: JSONValue, pred: [ChangeRef] = []) {
        self.record = record
        self.field = field
        self.value = value
        self.pred = Array(Set(pred)).sorted()
    }
}
