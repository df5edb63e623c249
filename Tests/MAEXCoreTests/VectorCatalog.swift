import MAEXCore

/// The generator of the golden vectors: every file of `protocol/vectors/` is built here from the
/// code's own behaviour. `GoldenVectorTests` checks the committed files against the code and
/// rewrites them when `MAEX_WRITE_VECTORS=1` is set.
enum VectorCatalog {
    /// Every vector file's name and content, in `VectorJSON.fileNames` order.
    static func documents() throws -> [(name: String, value: JSONValue)] {
        [
            ("keys.json", keys()),
            ("canonical-json.json", canonicalJSON()),
            ("changesets.json", try changeSets()),
            ("rejections.json", try rejections()),
            ("merge.json", try merge()),
            ("receive.json", try receive()),
        ]
    }

    /// A vector file: its description and its cases.
    static func document(_ description: String, _ extra: [String: JSONValue] = [:], cases: [JSONValue]) -> JSONValue {
        var members = extra
        members["description"] = .string(description)
        members["format"] = .int(1)
        members["generated_by"] = .string("Tests/MAEXCoreTests/GoldenVectorTests.swift (MAEX_WRITE_VECTORS=1)")
        members["cases"] = .array(cases)
        return .object(members)
    }

    /// The test keys: seed, node id, and their byte order.
    static func keys() -> JSONValue {
        let cases = VectorKeys.keys.enumerated().map { index, key -> JSONValue in
            .object([
                "index": .int(Int64(index)),
                "seed_hex": .string(Hex.encode(VectorKeys.seeds[index])),
                "node_id": .string(key.nodeID.hex),
            ])
        }
        let order = VectorKeys.keys.indices.sorted { VectorKeys.node($0) < VectorKeys.node($1) }
        return document(
            "Test keys (public: never use them for a real node). A seed is the RFC 8032 private key; the node id is the "
                + "Ed25519 public key in lowercase hex. key_order lists the key indices by ascending node id bytes.",
            ["realm": .string(VectorKeys.realm), "key_order": .array(order.map { .int(Int64($0)) })],
            cases: cases)
    }
}
