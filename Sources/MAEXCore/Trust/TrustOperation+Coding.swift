extension TrustOperation {
    private static let grantKeys: Set<String> = ["op", "node", "role", "scope"]
    private static let revokeKeys: Set<String> = ["op", "node", "from_seq"]
    private static let rotateKeys: Set<String> = ["op", "node", "old", "role", "scope", "from_seq", "old_sig"]
    /// The most scope codes one certificate may list.
    public static let maxScopeCodes = 100

    /// The operation words this type decodes.
    static let kinds: Set<String> = ["grant", "revoke", "rotate"]

    /// Decodes a trust operation (`kind` is its `op` word). With `strict`, unknown keys are errors.
    init(kind: String, decoding object: [String: JSONValue], strict: Bool) throws(EnvelopeError) {
        switch kind {
        case "grant":
            try Self.checkKeys(object, Self.grantKeys, strict: strict)
            let role = try Self.role(object)
            self = .grant(Grant(node: try Self.node(object, "node"), role: role, scope: try Self.scope(object, role: role)))
        case "revoke":
            try Self.checkKeys(object, Self.revokeKeys, strict: strict)
            self = .revoke(Revocation(node: try Self.node(object, "node"), fromSeq: try Self.fromSeq(object)))
        default:
            try Self.checkKeys(object, Self.rotateKeys, strict: strict)
            let role = try Self.role(object)
            let signatureHex = try ChangeSet.string(object, "old_sig")
            guard let signature = try? Ed25519Hex.decode(signatureHex, byteCount: 64) else {
                throw .invalidValue(field: "old_sig", reason: "expected 128 lowercase hex characters")
            }
            let old = try Self.node(object, "old")
            let new = try Self.node(object, "node")
            guard old != new else { throw .invalidValue(field: "node", reason: "a rotation needs a new key") }
            self = .rotate(Rotation(
                old: old, new: new, role: role, scope: try Self.scope(object, role: role),
                fromSeq: try Self.fromSeq(object), oldSignature: signature))
        }
    }

    /// The wire form: one operation object of a change set's `ops`.
    public var jsonValue: JSONValue {
        switch self {
        case .grant(let grant):
            .object([
                "op": .string("grant"), "node": .string(grant.node.hex), "role": .string(grant.role.rawValue),
                "scope": .array(grant.scope.map(JSONValue.string)),
            ])
        case .revoke(let revocation):
            .object(["op": .string("revoke"), "node": .string(revocation.node.hex), "from_seq": .int(revocation.fromSeq)])
        case .rotate(let rotation):
            .object([
                "op": .string("rotate"), "node": .string(rotation.new.hex), "old": .string(rotation.old.hex),
                "role": .string(rotation.role.rawValue), "scope": .array(rotation.scope.map(JSONValue.string)),
                "from_seq": .int(rotation.fromSeq), "old_sig": .string(Ed25519Hex.encode(rotation.oldSignature)),
            ])
        }
    }

    private static func checkKeys(_ object: [String: JSONValue], _ allowed: Set<String>, strict: Bool) throws(EnvelopeError) {
        guard strict, let extra = object.keys.sorted().first(where: { !allowed.contains($0) }) else { return }
        throw .unknownField(extra)
    }

    private static func node(_ object: [String: JSONValue], _ key: String) throws(EnvelopeError) -> NodeID {
        let hex = try ChangeSet.string(object, key)
        do { return try NodeID(hex: hex) } catch { throw .invalidValue(field: key, reason: "not an acceptable node id: \(error)") }
    }

    private static func role(_ object: [String: JSONValue]) throws(EnvelopeError) -> TrustRole {
        let word = try ChangeSet.string(object, "role")
        guard let role = TrustRole(rawValue: word) else {
            throw .invalidValue(field: "role", reason: "expected one of \(TrustRole.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        return role
    }

    private static func scope(_ object: [String: JSONValue], role: TrustRole) throws(EnvelopeError) -> [String] {
        guard let items = object["scope"]?.arrayValue, (1...maxScopeCodes).contains(items.count) else {
            throw .invalidValue(field: "scope", reason: "expected 1 to \(maxScopeCodes) scope codes")
        }
        var codes: [String] = []
        for item in items {
            guard let code = item.stringValue, role.isValidScopeCode(code) else {
                throw .invalidValue(field: "scope", reason: "\(item) is not a scope code for the role \(role)")
            }
            if let last = codes.last, !(last < code) { throw .invalidValue(field: "scope", reason: "codes must be sorted and unique") }
            codes.append(code)
        }
        return codes
    }

    private static func fromSeq(_ object: [String: JSONValue]) throws(EnvelopeError) -> Int64 {
        let seq = try ChangeSet.integer(object, "from_seq")
        guard seq >= 1 else { throw .invalidValue(field: "from_seq", reason: "sequence numbers start at 1") }
        return seq
    }
}
