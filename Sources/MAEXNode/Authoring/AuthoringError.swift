import MAEXCore

/// Why an edit was refused. A refused edit changes nothing.
public enum AuthoringError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The text is not a lowercase UUID.
    case invalidRecordID(String)
    /// No record has this key.
    case unknownRecord(RecordKey)
    /// The record was deleted; deletes are final.
    case deletedRecord(RecordKey)
    /// A record with this key exists already (ids are never reused).
    case recordExists(RecordKey)
    /// A value does not fit the record schema (unknown field, invalid or missing value).
    case schema(SchemaError)
    /// The municipality is outside what this node may edit.
    case outOfScope(municipality: String, allowed: [String])
    /// An update that sets no field.
    case nothingToChange(RecordKey)
    /// The node holds no certificate yet, so nothing it signs would be accepted.
    case noCertificate(NodeID)
    /// The network's rules do not let this node make the change (nothing was stored).
    case notAuthorised(String)
    /// The store did not store the node's own change set.
    case notStored(change: ChangeSetID, outcome: ReceiveOutcome)
    /// The node was restored from a backup and has not yet learned its own latest change sets
    /// from a peer: authoring now could reuse one of its sequence numbers (see `RestoreMarker`).
    case ownHeadUnconfirmed(restoredAt: String, backupMadeAt: String)

    public var description: String {
        switch self {
        case .invalidRecordID(let text): "\"\(text.prefix(80))\" is not a record id (expected a lowercase UUID)"
        case .unknownRecord(let key): "no \(key.type) with id \(key.id)"
        case .deletedRecord(let key): "\(key.type) \(key.id) was deleted"
        case .recordExists(let key): "\(key.type) \(key.id) exists already"
        case .schema(let error): error.description
        case .outOfScope(let municipality, let allowed):
            "municipality \(municipality) is outside this node's scope (\(allowed.joined(separator: ", ")))"
        case .nothingToChange(let key): "no field to change for \(key.type) \(key.id)"
        case .noCertificate(let node):
            "this node (\(node.hex)) holds no certificate yet: ask the national node or your province hub to run "
                + "`maex-node trust grant --node \(node.hex) ...`, then sync with it (or `maex-node trust import`)"
        case .notAuthorised(let reason): "not allowed in this network: \(reason)"
        case .notStored(let change, let outcome): "the store did not accept change set \(change.hex): \(outcome)"
        case .ownHeadUnconfirmed(let restoredAt, let madeAt):
            "this node was restored at \(restoredAt) from a backup made at \(madeAt) and has not yet learned its own "
                + "latest change sets from a peer, so it does not edit (it could reuse one of its own sequence numbers): "
                + "let the serving node sync with a peer, or run `maex-node sync --peer URL`; edits work again after one "
                + "sync round succeeded"
        }
    }
}
