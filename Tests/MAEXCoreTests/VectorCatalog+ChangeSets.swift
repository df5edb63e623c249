import Foundation
import MAEXCore

extension VectorCatalog {
    /// Valid signed change sets with every form of their bytes.
    static func changeSets() throws -> JSONValue {
        var a = VectorChain(key: 0)
        var b = VectorChain(key: 1)
        var c = VectorChain(key: 2)
        let a1 = a.next(
            VectorKeys.hlc(1000),
            ops: [
                VectorKeys.set(1, "name", .string("Repair Café Vlissingen")),
                VectorKeys.set(1, "municipality", .string("GM0718")),
                VectorKeys.set(1, "sdgs", .array([.int(11), .int(12)])),
                VectorKeys.set(1, "anbi", .bool(true)),
                VectorKeys.set(1, "year_founded", .int(2019)),
            ])
        let a2 = a.next(
            VectorKeys.hlc(2000, 1),
            ops: [
                VectorKeys.set(1, "name", .string("Stichting Repair Café \"Vlissingen\""), pred: [VectorKeys.ref(0, 1)]),
                VectorKeys.set(1, "description", .string("Elke zaterdag open.\nKoffie staat klaar ☕ — ook voor 😀.\tWelkom!")),
                VectorKeys.set(1, "kvk", .null),
            ])
        let b1 = b.next(
            VectorKeys.hlc(3000),
            deps: [0: 2],
            ops: [
                VectorKeys.set(1, "volunteers", .int(12)),
                VectorKeys.set(1, "name", .string("Repair Café Vlissingen"), pred: [VectorKeys.ref(0, 2)]),
            ])
        let b2 = b.next(VectorKeys.hlc(4000), ops: [VectorKeys.delete(1)])
        let c1 = try c.nextEdited(
            VectorKeys.hlc(5000),
            ops: [VectorKeys.set(2, "name", .string("Buurtkracht Middelburg")), VectorKeys.set(2, "municipality", .string("GM0687"))]
        ) { members in
            members["v"] = .int(2)
            members["trust"] = .object(["note": .string("a field of schema version 2")])
            guard case .array(var ops) = members["ops"], case .object(var first) = ops[0] else { return }
            first["note"] = .string("an operation key of schema version 2")
            ops[0] = .object(first)
            ops.append(
                .object([
                    "op": .string("move"), "type": .string("initiative"), "id": .string(VectorKeys.recordID(2)), "to": .string("GM0718"),
                ]))
            members["ops"] = .array(ops)
        }
        let cases: [(String, String, SignedChangeSet, Int)] = [
            ("first-changeset", "Sequence 1 (prev null) creating a record: the first writes of its fields, no pred, no deps.", a1, 0),
            (
                "second-changeset-prev-and-pred",
                "Sequence 2: prev is the id of sequence 1; the name write supersedes the author's own earlier write; "
                    + "escapes and raw UTF-8 in a value; writing null clears an optional field.",
                a2, 0
            ),
            (
                "deps-cover-pred-of-another-author",
                "Another author builds on key 0's sequence 2: deps {key0: 2} covers the pred [key0, 2].", b1, 1
            ),
            ("delete", "A delete: a final tombstone for the record.", b2, 1),
            (
                "version-2-tolerated",
                "Schema version 2 with an unknown top-level key, an unknown key in a set operation and an unknown operation "
                    + "\"move\": a version-1 node accepts it, keeps and relays the bytes verbatim, and applies only the set.",
                c1, 2
            ),
        ]
        return document(
            "Valid change sets. 'changeset' is the envelope as JSON; 'body' and 'body_hex' are the exact signed bytes (its "
                + "canonical JSON); 'id' is SHA-256(body); 'sig_hex'/'sig_base64' the Ed25519 signature by key 'key' over the "
                + "body (RFC 8032, deterministic); 'wire' the change set as sent over HTTP. 'decoded' is what a node "
                + "understands: schema version, operation kinds and the change sets it needs applied first.",
            ["realm": .string(VectorKeys.realm)],
            cases: try cases.map { name, description, signed, key in try changeSetCase(name, description, signed, key: key) })
    }

    static func changeSetCase(_ name: String, _ description: String, _ signed: SignedChangeSet, key: Int) throws -> JSONValue {
        let wire = VectorDescription.wire(body: signed.body, signature: signed.signature)
        return .object([
            "name": .string(name),
            "description": .string(description),
            "key": .int(Int64(key)),
            "changeset": try JSONValue(canonicalBytes: signed.body),
            "body": .string(String(decoding: signed.body, as: UTF8.self)),
            "body_hex": .string(Hex.encode(signed.body)),
            "id": .string(signed.id.hex),
            "sig_hex": .string(Hex.encode(signed.signature)),
            "sig_base64": .string(Data(signed.signature).base64EncodedString()),
            "wire": wire,
            "wire_text": .string(wire.canonicalString),
            "decoded": .object([
                "v": .int(signed.changeSet.version),
                "op_kinds": VectorDescription.opKinds(signed.changeSet),
                "requirements": .array(signed.changeSet.requirements.map(\.jsonValue)),
            ]),
        ])
    }
}
