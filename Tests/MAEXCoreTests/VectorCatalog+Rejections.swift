import MAEXCore

extension VectorCatalog {
    /// One envelope check: bytes, signature, the realm of the receiving node, and what happens.
    struct EnvelopeCase {
        var name: String
        var description: String
        var key: Int?
        var realm = VectorKeys.realm
        var body: [UInt8]
        var signature: [UInt8]
    }

    /// The envelope of key `key` at `seq` as editable members.
    static func members(
        key: Int = 0, seq: Int64 = 1, prev: ChangeSetID? = nil, deps: [Int: Int64] = [:], ops: [ChangeOperation]? = nil
    ) -> [String: JSONValue] {
        let changeSet = ChangeSet(
            realm: VectorKeys.realm, author: VectorKeys.node(key), seq: seq, prev: prev, hlc: VectorKeys.hlc(1000),
            deps: Dictionary(uniqueKeysWithValues: deps.map { (VectorKeys.node($0.key), $0.value) }),
            ops: ops ?? [VectorKeys.set(1, "name", .string("Repair Café Vlissingen"))])
        return changeSet.jsonValue.objectValue ?? [:]
    }

    /// A case whose body is `members` with `edit` applied, signed by `key`.
    static func edited(
        _ name: String, _ description: String, key: Int = 0, _ members: [String: JSONValue],
        edit: (inout [String: JSONValue]) -> Void = { _ in }
    ) -> EnvelopeCase {
        var members = members
        edit(&members)
        let body = JSONValue.object(members).canonicalBytes
        return EnvelopeCase(name: name, description: description, key: key, body: body, signature: VectorKeys.keys[key].sign(body))
    }

    /// Edits the first operation of `members`.
    static func editFirstOp(_ members: inout [String: JSONValue], _ edit: (inout [String: JSONValue]) -> Void) {
        guard case .array(var ops) = members["ops"], case .object(var first) = ops[0] else { return }
        edit(&first)
        ops[0] = .object(first)
        members["ops"] = .array(ops)
    }

    /// Replaces the first occurrence of `old` by `new` in the bytes.
    static func replacing(_ old: String, with new: String, in bytes: [UInt8]) -> [UInt8] {
        let needle = Array(old.utf8)
        guard let start = bytes.indices.first(where: { bytes[$0...].starts(with: needle) }) else { return bytes }
        return Array(bytes[..<start]) + Array(new.utf8) + Array(bytes[(start + needle.count)...])
    }

    /// `S + L` for the S half of a signature (a non-reduced scalar, still below 2^256 here).
    static func addGroupOrder(_ signature: [UInt8]) -> [UInt8] {
        let order: [UInt8] = Hex.decode("edd3f55c1a631258d69cf7a2def9de1400000000000000000000000000000010") ?? []
        var out = signature
        var carry = 0
        for index in 0..<32 {
            let sum = Int(signature[32 + index]) + Int(order[index]) + carry
            out[32 + index] = UInt8(sum & 0xFF)
            carry = sum >> 8
        }
        return out
    }

    /// Envelope checks: rejected bodies with the reason, and the tolerated newer version.
    static func rejections() throws -> JSONValue {
        let valid = members()
        let validBody = JSONValue.object(valid).canonicalBytes
        let validSig = VectorKeys.keys[0].sign(validBody)
        let someID = ChangeSetID(hashing: Array("not the previous change set".utf8))
        let set1 = VectorKeys.set(1, "name", .string("Repair Café Vlissingen"))
        var cases: [EnvelopeCase] = [
            EnvelopeCase(
                name: "valid-reference", description: "The valid change set most cases below are derived from.", key: 0,
                body: validBody, signature: validSig),
            EnvelopeCase(
                name: "tampered-value-byte", description: "One byte of a value changed after signing (Vlissingen -> Vlissingem).",
                key: 0, body: replacing("Vlissingen", with: "Vlissingem", in: validBody), signature: validSig),
            EnvelopeCase(
                name: "tampered-white-space",
                description: "A space inserted after signing: not canonical, refused before the signature is checked.",
                key: 0, body: replacing("\"ops\":", with: "\"ops\": ", in: validBody), signature: validSig),
            EnvelopeCase(
                name: "wrong-realm", description: "Correctly signed for realm test.maex, received by a node of realm other.maex.",
                key: 0, realm: VectorKeys.otherRealm, body: validBody, signature: validSig),
            EnvelopeCase(
                name: "signature-by-another-key", description: "Signed by key 1 while the author is key 0.", key: 1,
                body: validBody, signature: VectorKeys.keys[1].sign(validBody)),
            EnvelopeCase(
                name: "signature-all-zero", description: "64 zero bytes (R is a small-order point).", key: nil,
                body: validBody, signature: [UInt8](repeating: 0, count: 64)),
            EnvelopeCase(
                name: "signature-63-bytes", description: "The valid signature without its last byte.", key: 0,
                body: validBody, signature: Array(validSig.dropLast())),
            EnvelopeCase(
                name: "signature-s-plus-group-order", description: "The valid signature with L added to S (malleated; S >= L is refused).",
                key: 0, body: validBody, signature: addGroupOrder(validSig)),
        ]
        // Valid JSON, correctly signed, but "v" moved to the front: canonical encoding cannot produce it.
        let unsorted = Array("{\"v\":1,".utf8) + replacing(",\"v\":1}", with: "}", in: Array(validBody.dropFirst()))
        cases.append(
            EnvelopeCase(
                name: "signed-but-not-canonical",
                description: "Correctly signed bytes that are JSON but not canonical (key v first, unsorted).",
                key: 0, body: unsorted, signature: VectorKeys.keys[0].sign(unsorted)))
        let floatBody = replacing("[1767225601000,0]", with: "[1767225601000.0,0]", in: validBody)
        cases.append(
            EnvelopeCase(
                name: "float-number", description: "A number with a fraction (1767225601000.0): integers only.", key: 0,
                body: floatBody, signature: VectorKeys.keys[0].sign(floatBody)))
        cases += [
            edited("version-0", "v must be at least 1.", valid) { $0["v"] = .int(0) },
            edited("version-missing", "v is required.", valid) { $0["v"] = nil },
            edited("v1-unknown-top-level-key", "Version 1 is strict: no keys beyond v, realm, author, seq, prev, hlc, deps, ops.", valid) {
                $0["trust"] = .object([:])
            },
            edited("v1-unknown-op-key", "Version 1 is strict inside operations too.", valid) {
                editFirstOp(&$0) { $0["note"] = .string("x") }
            },
            edited("v1-unknown-op", "Version 1 knows only set and delete.", valid) {
                $0["ops"] = .array([.object(["op": .string("move"), "type": .string("initiative"), "id": .string(VectorKeys.recordID(1))])])
            },
            edited(
                "v2-unknown-key-and-op-accepted",
                "Version 2: unknown top-level keys and operations are tolerated; the unknown operation is kept as unsupported.", valid
            ) {
                $0["v"] = .int(2)
                $0["trust"] = .object([:])
                $0["ops"] = .array([($0["ops"]?.arrayValue ?? [])[0], .object(["op": .string("move"), "x": .int(1)])])
            },
            edited("v2-still-checks-known-fields", "Version 2 still checks the fields it knows (here seq 0).", valid) {
                $0["v"] = .int(2)
                $0["seq"] = .int(0)
            },
            edited("realm-invalid", "A realm is 1 to 64 of [a-z0-9.-] starting with a letter or digit.", valid) {
                $0["realm"] = .string("Test.MAEX")
            },
            edited("author-uppercase-hex", "The author id must be lowercase hex.", valid) {
                $0["author"] = .string(VectorKeys.node(0).hex.uppercased())
            },
            edited("author-small-order", "The author key is refused by the key policy (protocol/ED25519.md).", valid) {
                $0["author"] = .string(String(repeating: "0", count: 64))
            },
            edited("seq-0", "Sequence numbers start at 1.", valid) { $0["seq"] = .int(0) },
            edited("seq-1-prev-not-null", "prev must be null at sequence 1.", valid) { $0["prev"] = .string(someID.hex) },
            edited("seq-2-prev-null", "prev must be the previous id after sequence 1.", members(seq: 2, prev: someID)) {
                $0["prev"] = .null
            },
            edited("prev-not-hex", "prev must be 64 lowercase hex characters.", members(seq: 2, prev: someID)) {
                $0["prev"] = .string(someID.hex.uppercased())
            },
            edited("prev-missing", "prev is required (null at sequence 1).", valid) { $0["prev"] = nil },
            edited("hlc-negative", "hlc is [milliseconds, counter] with non-negative integers.", valid) {
                $0["hlc"] = .array([.int(-1), .int(0)])
            },
            edited("hlc-three-numbers", "hlc has exactly two numbers.", valid) { $0["hlc"] = .array([.int(1), .int(0), .int(0)]) },
            edited("deps-empty-object", "deps is omitted when empty.", valid) { $0["deps"] = .object([:]) },
            edited("deps-names-the-author", "deps names other authors only.", valid) {
                $0["deps"] = .object([VectorKeys.node(0).hex: .int(1)])
            },
            edited("deps-seq-0", "deps sequence numbers start at 1.", valid) { $0["deps"] = .object([VectorKeys.node(1).hex: .int(0)]) },
            edited("ops-missing", "ops is required.", valid) { $0["ops"] = nil },
            edited("ops-empty", "A change set has 1 to 10000 operations.", valid) { $0["ops"] = .array([]) },
            edited("record-type-invalid", "A type is [a-z][a-z0-9_]{0,31}.", valid) {
                editFirstOp(&$0) { $0["type"] = .string("Initiative") }
            },
            edited("record-id-uppercase", "A record id is a lowercase UUID.", valid) {
                editFirstOp(&$0) { $0["id"] = .string(VectorKeys.recordID(1).uppercased()) }
            },
            edited("field-name-invalid", "A field is [a-z][a-z0-9_]{0,63}.", valid) { editFirstOp(&$0) { $0["field"] = .string("Name") } },
            edited("set-without-value", "A set has a value (null to clear).", valid) { editFirstOp(&$0) { $0["value"] = nil } },
            edited("field-written-twice", "One change set writes a field of a record at most once.", members(ops: [set1, set1])),
            edited(
                "pred-not-covered-by-deps", "pred names another author's change set that deps does not cover.",
                members(ops: [VectorKeys.set(1, "name", .string("x"), pred: [VectorKeys.ref(1, 1)])])),
            edited(
                "pred-beyond-deps", "pred names sequence 2 of an author while deps covers only up to 1.",
                members(deps: [1: 1], ops: [VectorKeys.set(1, "name", .string("x"), pred: [VectorKeys.ref(1, 2)])])),
            edited(
                "pred-own-not-earlier", "pred names the change set itself (own references must be to earlier sequences).",
                members(ops: [VectorKeys.set(1, "name", .string("x"), pred: [VectorKeys.ref(0, 1)])])),
            edited("pred-empty-list", "pred is omitted when empty.", valid) { editFirstOp(&$0) { $0["pred"] = .array([]) } },
            edited(
                "pred-not-sorted", "pred pairs are sorted by author bytes, then seq, without repeats.",
                members(seq: 3, prev: someID)
            ) {
                editFirstOp(&$0) { $0["pred"] = .array([VectorKeys.ref(0, 2).jsonValue, VectorKeys.ref(0, 1).jsonValue]) }
            },
        ]
        return document(
            "Envelope checks of a received change set, in the order: size, canonical JSON, envelope rules, realm, signature. "
                + "'open_realm' is the receiving node's realm. 'expect.outcome' is 'rejected' (with the reference error case: "
                + "'error' and, where it has one, 'field', 'json_error' or 'key_error') or 'accepted' (with the decoded "
                + "operation kinds). Implementations must reject exactly the rejected cases; the error names are informative.",
            ["realm": .string(VectorKeys.realm)],
            cases: cases.map(envelopeCase))
    }

    static func envelopeCase(_ item: EnvelopeCase) -> JSONValue {
        var members: [String: JSONValue] = [
            "name": .string(item.name),
            "description": .string(item.description),
            "key": item.key.map { .int(Int64($0)) } ?? .null,
            "open_realm": .string(item.realm),
            "body_hex": .string(Hex.encode(item.body)),
            "sig_hex": .string(Hex.encode(item.signature)),
        ]
        if let text = String(validating: item.body, as: UTF8.self) { members["body"] = .string(text) }
        do {
            let signed = try SignedChangeSet.open(body: item.body, signature: item.signature, realm: item.realm)
            members["expect"] = .object([
                "outcome": .string("accepted"), "id": .string(signed.id.hex), "op_kinds": VectorDescription.opKinds(signed.changeSet),
            ])
        } catch {
            guard case .object(var expect) = VectorDescription.error(error) else { return .object(members) }
            expect["outcome"] = .string("rejected")
            members["expect"] = .object(expect)
        }
        return .object(members)
    }
}
