/// The state of one record: its fields, or the tombstone that deleted it.
public struct RecordState: Hashable, Sendable {
    /// The fields that have at least one write.
    public var fields: [String: FieldState]
    /// The delete that removed the record, if any (the first by clock, then author).
    public var tombstone: Tombstone?

    /// An empty, live record.
    public init(fields: [String: FieldState] = [:], tombstone: Tombstone? = nil) {
        self.fields = fields
        self.tombstone = tombstone
    }

    /// Whether the record is deleted.
    public var isDeleted: Bool { tombstone != nil }

    /// The winning value of a field.
    public func value(of field: String) -> JSONValue? { fields[field]?.winner?.value }

    /// Applies a set. A deleted record ignores it: deletes are final and ids never reused.
    public mutating func apply(field: String, write: FieldWrite, pred: [ChangeRef]) {
        guard tombstone == nil else { return }
        fields[field, default: FieldState(writes: [])].apply(write, pred: pred)
    }

    /// Applies a delete: the record keeps only its tombstone.
    public mutating func delete(_ candidate: Tombstone) {
        if let tombstone, !Tombstone.precedes(candidate, tombstone) { return }
        tombstone = candidate
        fields = [:]
    }

    /// The canonical description used in the state digest (without type and id).
    public func jsonMembers() -> [String: JSONValue] {
        if let tombstone { return ["deleted": tombstone.jsonValue] }
        return ["fields": .object(fields.mapValues(\.jsonValue))]
    }
}

/// Marks a deleted record.
public struct Tombstone: Hashable, Sendable {
    /// The change set that deleted the record.
    public var ref: ChangeRef
    /// Its author's clock.
    public var hlc: HLCTimestamp

    /// Creates a tombstone.
    public init(ref: ChangeRef, hlc: HLCTimestamp) {
        self.ref = ref
        self.hlc = hlc
    }

    /// Among several deletes the earliest (clock, author, sequence) is kept.
    public static func precedes(_ lhs: Tombstone, _ rhs: Tombstone) -> Bool {
        FieldWrite.precedes(FieldWrite(ref: lhs.ref, hlc: lhs.hlc, value: .null), FieldWrite(ref: rhs.ref, hlc: rhs.hlc, value: .null))
    }

    /// The canonical description used in the state digest.
    public var jsonValue: JSONValue {
        .object(["by": .string(ref.author.hex), "seq": .int(ref.seq), "hlc": hlc.jsonValue])
    }
}
