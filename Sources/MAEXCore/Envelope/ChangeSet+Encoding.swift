extension ChangeSet {
    /// The change set as a JSON value; its canonical bytes are what the author signs.
    public var jsonValue: JSONValue {
        var members: [String: JSONValue] = [
            "v": .int(version),
            "realm": .string(realm),
            "author": .string(author.hex),
            "seq": .int(seq),
            "prev": prev.map { .string($0.hex) } ?? .null,
            "hlc": hlc.jsonValue,
            "ops": .array(ops.compactMap(\.jsonValue)),
        ]
        if !deps.isEmpty {
            members["deps"] = .object(Dictionary(uniqueKeysWithValues: deps.map { ($0.key.hex, JSONValue.int($0.value)) }))
        }
        return .object(members)
    }

    /// The exact bytes to sign.
    public var canonicalBytes: [UInt8] { jsonValue.canonicalBytes }
}

extension ChangeOperation {
    /// The wire form; `nil` for an unsupported operation, which can only come from signed bytes.
    var jsonValue: JSONValue? {
        switch self {
        case .set(let op):
            var members: [String: JSONValue] = [
                "op": .string("set"),
                "type": .string(op.record.type),
                "id": .string(op.record.id),
                "field": .string(op.field),
                "value": op.value,
            ]
            if !op.pred.isEmpty { members["pred"] = .array(op.pred.sorted().map(\.jsonValue)) }
            return .object(members)
        case .delete(let key):
            return .object(["op": .string("delete"), "type": .string(key.type), "id": .string(key.id)])
        case .trust(let trust):
            return trust.jsonValue
        case .unsupported:
            return nil
        }
    }
}
