import Foundation
import MAEXCore

/// The JSON descriptions the vector files use for change sets, errors and register states.
/// Shared by the generator (which writes what the code does) and the checks (which compare).
enum VectorDescription {
    /// A signed change set: the signing key's index, the body as text, the signature, the id.
    static func signed(_ signed: SignedChangeSet, key: Int) -> JSONValue {
        .object([
            "key": .int(Int64(key)),
            "body": .string(String(decoding: signed.body, as: UTF8.self)),
            "sig_hex": .string(Hex.encode(signed.signature)),
            "id": .string(signed.id.hex),
        ])
    }

    /// The wire form of a change set: `{"body":"<body text>","sig":"<base64>"}`.
    static func wire(body: [UInt8], signature: [UInt8]) -> JSONValue {
        .object(["body": .string(String(decoding: body, as: UTF8.self)), "sig": .string(Data(signature).base64EncodedString())])
    }

    /// The kind names of the decoded operations: `set`, `delete` or `unsupported:<op>`.
    static func opKinds(_ changeSet: ChangeSet) -> JSONValue {
        .array(
            changeSet.ops.map { op in
                switch op {
                case .set: .string("set")
                case .delete: .string("delete")
                case .trust(let trust): .string("trust:" + (trust.jsonValue.objectValue?["op"]?.stringValue ?? "?"))
                case .unsupported(let kind): .string("unsupported:" + kind)
                }
            })
    }

    /// The structured form of an envelope error (the message is not part of it).
    static func error(_ error: EnvelopeError) -> JSONValue {
        switch error {
        case .tooLarge: .object(["error": .string("tooLarge")])
        case .malformedJSON(let json): .object(["error": .string("malformedJSON"), "json_error": .string(name(json))])
        case .missingField(let field): .object(["error": .string("missingField"), "field": .string(field)])
        case .invalidValue(let field, _): .object(["error": .string("invalidValue"), "field": .string(field)])
        case .unknownField(let field): .object(["error": .string("unknownField"), "field": .string(field)])
        case .unsupportedVersion: .object(["error": .string("unsupportedVersion")])
        case .wrongRealm: .object(["error": .string("wrongRealm")])
        case .invalidAuthor(let key): .object(["error": .string("invalidAuthor"), "key_error": .string(name(key))])
        case .badSignature: .object(["error": .string("badSignature")])
        }
    }

    /// The case name of a canonical-JSON error.
    static func name(_ error: JSONError) -> String {
        switch error {
        case .unexpectedEnd: "unexpectedEnd"
        case .unexpectedByte: "unexpectedByte"
        case .invalidNumber: "invalidNumber"
        case .invalidString: "invalidString"
        case .duplicateKey: "duplicateKey"
        case .tooDeep: "tooDeep"
        case .trailingBytes: "trailingBytes"
        case .notCanonical: "notCanonical"
        }
    }

    /// The case name of a key error.
    static func name(_ error: KeyError) -> String {
        switch error {
        case .wrongLength: "wrongLength"
        case .notHex: "notHex"
        case .nonCanonicalEncoding: "nonCanonicalEncoding"
        case .smallOrder: "smallOrder"
        }
    }

    /// The register's digest lines, one canonical JSON text per record in `RecordKey` order,
    /// each without its final newline.
    static func lines(_ register: Register) -> [String] {
        register.records.keys.sorted().compactMap { key in
            guard let state = register.records[key] else { return nil }
            var members = state.jsonMembers()
            members["type"] = .string(key.type)
            members["id"] = .string(key.id)
            return JSONValue.object(members).canonicalString
        }
    }

    /// SHA-256 over the lines, each followed by a newline byte: the state digest, computed
    /// from the lines alone.
    static func digest(lines: [String]) -> String {
        // A change set id is the SHA-256 of its bytes (see GoldenVectorTests.testChangeSetIDIsSHA256).
        ChangeSetID(hashing: lines.flatMap { Array(($0 + "\n").utf8) }).hex
    }

    /// The register's conflicts: record, field, the winning write and the losing writes.
    static func conflicts(_ register: Register) -> JSONValue {
        .array(
            register.conflicts.map { conflict in
                .object([
                    "type": .string(conflict.record.type),
                    "id": .string(conflict.record.id),
                    "field": .string(conflict.field),
                    "winner": conflict.winner.ref.jsonValue,
                    "losers": .array(conflict.losers.map(\.ref.jsonValue)),
                ])
            })
    }

    /// A register state as the vectors expect it: lines, digest and conflicts.
    static func state(_ register: Register) -> JSONValue {
        let lines = lines(register)
        return .object([
            "lines": .array(lines.map(JSONValue.string)),
            "digest": .string(register.digest),
            "conflicts": conflicts(register),
        ])
    }

    /// A receive outcome: its code and, for `pending` and `fork`, what the node answered with.
    static func outcome(_ outcome: ReceiveOutcome) -> JSONValue {
        switch outcome {
        case .pending(let missing): .object(["outcome": .string("pending"), "missing": .array(missing.map(\.jsonValue))])
        case .fork(let existing): .object(["outcome": .string("fork"), "existing": .string(existing.hex)])
        default: .object(["outcome": .string(outcome.code)])
        }
    }

    /// A version vector `{author-hex: seq}`.
    static func vector(_ vector: [NodeID: Int64]) -> JSONValue {
        .object(Dictionary(uniqueKeysWithValues: vector.map { ($0.key.hex, JSONValue.int($0.value)) }))
    }
}
