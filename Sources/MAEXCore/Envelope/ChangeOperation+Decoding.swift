extension ChangeOperation {
    private static let setKeys: Set<String> = ["op", "type", "id", "field", "value", "pred"]
    private static let deleteKeys: Set<String> = ["op", "type", "id"]

    /// Decodes one operation. With `strict` (the current schema version) unknown operations and
    /// keys are errors; otherwise an unknown operation becomes `.unsupported`.
    init(decoding value: JSONValue, strict: Bool) throws(EnvelopeError) {
        guard let object = value.objectValue else { throw .invalidValue(field: "ops", reason: "expected an object per operation") }
        let kind = try ChangeSet.string(object, "op")
        switch kind {
        case "set":
            try Self.checkKeys(object, allowed: Self.setKeys, strict: strict)
            let record = try Self.decodeRecord(object)
            let field = try ChangeSet.string(object, "field")
            guard EnvelopeRules.isValidField(field) else { throw .invalidValue(field: "field", reason: "expected [a-z][a-z0-9_]{0,63}") }
            guard let newValue = object["value"] else { throw .missingField("value") }
            self = .set(SetOperation(record: record, field: field, value: newValue, pred: try Self.decodePred(object["pred"])))
        case "delete":
            try Self.checkKeys(object, allowed: Self.deleteKeys, strict: strict)
            self = .delete(try Self.decodeRecord(object))
        case let word where TrustOperation.kinds.contains(word):
            self = .trust(try TrustOperation(kind: word, decoding: object, strict: strict))
        default:
            guard !strict else { throw .invalidValue(field: "op", reason: "unknown operation \"\(kind.prefix(40))\"") }
            self = .unsupported(kind: kind)
        }
    }

    private static func checkKeys(_ object: [String: JSONValue], allowed: Set<String>, strict: Bool) throws(EnvelopeError) {
        guard strict, object.keys.contains(where: { !allowed.contains($0) }),
            let extra = object.keys.sorted().first(where: { !allowed.contains($0) })
        else { return }
        throw .unknownField(extra)
    }

    private static func decodeRecord(_ object: [String: JSONValue]) throws(EnvelopeError) -> RecordKey {
        let type = try ChangeSet.string(object, "type")
        guard EnvelopeRules.isValidType(type) else { throw .invalidValue(field: "type", reason: "expected [a-z][a-z0-9_]{0,31}") }
        let id = try ChangeSet.string(object, "id")
        guard EnvelopeRules.isValidRecordID(id) else { throw .invalidValue(field: "id", reason: "expected a lowercase UUID") }
        return RecordKey(type: type, id: id)
    }

    private static func decodePred(_ value: JSONValue?) throws(EnvelopeError) -> [ChangeRef] {
        guard let value else { return [] }
        guard let items = value.arrayValue, !items.isEmpty, items.count <= EnvelopeLimits.maxReferences else {
            throw .invalidValue(field: "pred", reason: "expected a non-empty list (omit it when empty)")
        }
        var refs: [ChangeRef] = []
        for item in items {
            guard let pair = item.arrayValue, pair.count == 2, let hex = pair[0].stringValue, let seq = pair[1].intValue, seq >= 1,
                let author = try? NodeID(hex: hex)
            else { throw .invalidValue(field: "pred", reason: "expected [author-id, seq] pairs") }
            let ref = ChangeRef(author: author, seq: seq)
            if let last = refs.last, !(last < ref) {
                throw .invalidValue(field: "pred", reason: "references must be sorted and unique")
            }
            refs.append(ref)
        }
        return refs
    }
}
