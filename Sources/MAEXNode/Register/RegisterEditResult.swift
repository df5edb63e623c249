import MAEXCore

/// What an edit of the register stored: the initiative, the records created, and the one
/// signed change set that carries the edit.
public struct RegisterEditResult: Hashable, Sendable {
    /// The initiative edited (or created).
    public var initiative: String
    /// The ids of records created, per collection (the initiative itself is not listed).
    public var created: [SubRecordKind: [String]]
    /// The records deleted along with the edit (sub-records of a deleted initiative).
    public var deleted: [RecordKey]
    /// The change set.
    public var changeSet: SignedChangeSet

    /// Creates a result.
    public init(initiative: String, created: [SubRecordKind: [String]] = [:], deleted: [RecordKey] = [], changeSet: SignedChangeSet) {
        self.initiative = initiative
        self.created = created
        self.deleted = deleted
        self.changeSet = changeSet
    }
}
