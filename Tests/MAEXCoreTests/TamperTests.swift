import MAEXCore
import XCTest

/// Any change to a signed change set's bytes or signature is refused by `SignedChangeSet.open`.
final class TamperTests: XCTestCase {
    private let record = SimKeys.initiative(3)
    private let wall: Int64 = 1_767_225_600_000

    /// A change set at sequence 2 with deps, pred, a delete, non-ASCII text and escapes, so
    /// every part of the envelope is present in the tampered bytes.
    private func sample(realm: String = SimKeys.realm) throws -> SignedChangeSet {
        var other = SimAuthor(key: SimKeys.key(30), realm: realm)
        var author = SimAuthor(key: SimKeys.key(31), realm: realm)
        let first = try other.write([.set(record, field: "name", value: .string("Eerste"))], wallMilliseconds: wall)
        try author.receive(first, wallMilliseconds: wall)
        _ = try author.write([.set(record, field: "phase", value: .string("plan"))], wallMilliseconds: wall + 1)
        return try author.write(
            [
                .set(record, field: "name", value: .string("Café \"De Zeeuw\"\n\\ €")),
                .set(record, field: "sdgs", value: .array([.int(3), .int(11)])),
                .delete(SimKeys.initiative(4)),
            ],
            wallMilliseconds: wall + 2)
    }

    func testTheUntamperedChangeSetOpens() throws {
        let signed = try sample()
        let opened = try SignedChangeSet.open(body: signed.body, signature: signed.signature, realm: SimKeys.realm)
        XCTAssertEqual(opened, signed)
        XCTAssertEqual(opened.changeSet.seq, 2)
        XCTAssertFalse(opened.changeSet.deps.isEmpty)
    }

    func testEverySingleByteChangeOfTheBodyIsRejected() throws {
        let signed = try sample()
        var rejected = 0
        var reasons: [String: Int] = [:]
        for position in signed.body.indices {
            let original = signed.body[position]
            let replacements = Set([original ^ 0x01, original ^ 0x20, original ^ 0x80, 0x00, 0x20, 0x22, 0x5C, 0x7D, 0x30, 0xFF])
                .subtracting([original])
            for replacement in replacements {
                var body = signed.body
                body[position] = replacement
                do {
                    _ = try SignedChangeSet.open(body: body, signature: signed.signature, realm: SimKeys.realm)
                    XCTFail("byte \(position) changed from \(original) to \(replacement) was accepted")
                } catch {
                    rejected += 1
                    reasons[Self.caseName(error), default: 0] += 1
                }
            }
        }
        XCTAssertGreaterThan(rejected, signed.body.count * 7)
        // Both the parser and the signature check must have been reached.
        XCTAssertGreaterThan(reasons["malformedJSON"] ?? 0, 0, "\(reasons)")
        XCTAssertGreaterThan(reasons["badSignature"] ?? 0, 0, "\(reasons)")
    }

    func testEverySingleBitFlipOfTheSignatureIsRejected() throws {
        let signed = try sample()
        XCTAssertEqual(signed.signature.count, 64)
        for position in signed.signature.indices {
            for bit in 0..<8 {
                var signature = signed.signature
                signature[position] ^= UInt8(1) << UInt8(bit)
                XCTAssertThrowsError(try SignedChangeSet.open(body: signed.body, signature: signature, realm: SimKeys.realm)) { error in
                    XCTAssertEqual(error as? EnvelopeError, .badSignature, "byte \(position) bit \(bit)")
                }
            }
            for replacement: UInt8 in [0x00, 0xFF] where replacement != signed.signature[position] {
                var signature = signed.signature
                signature[position] = replacement
                XCTAssertThrowsError(try SignedChangeSet.open(body: signed.body, signature: signature, realm: SimKeys.realm)) { error in
                    XCTAssertEqual(error as? EnvelopeError, .badSignature, "byte \(position) set to \(replacement)")
                }
            }
        }
    }

    func testTruncationsAtEveryLengthAreRejected() throws {
        let signed = try sample()
        for length in 0..<signed.body.count {
            XCTAssertThrowsError(
                try SignedChangeSet.open(body: Array(signed.body.prefix(length)), signature: signed.signature, realm: SimKeys.realm),
                "body truncated to \(length) bytes")
        }
        for length in 0..<signed.signature.count {
            XCTAssertThrowsError(
                try SignedChangeSet.open(body: signed.body, signature: Array(signed.signature.prefix(length)), realm: SimKeys.realm)
            ) { error in
                XCTAssertEqual(error as? EnvelopeError, .badSignature, "signature truncated to \(length) bytes")
            }
        }
    }

    func testAppendedBytesAreRejected() throws {
        let signed = try sample()
        for extra: [UInt8] in [[0x20], [0x0A], [0x00], Array("{}".utf8)] {
            XCTAssertThrowsError(try SignedChangeSet.open(body: signed.body + extra, signature: signed.signature, realm: SimKeys.realm)) {
                error in
                XCTAssertEqual(error as? EnvelopeError, .malformedJSON(.trailingBytes(offset: signed.body.count)))
            }
        }
        XCTAssertThrowsError(try SignedChangeSet.open(body: signed.body, signature: signed.signature + [0], realm: SimKeys.realm)) {
            error in
            XCTAssertEqual(error as? EnvelopeError, .badSignature)
        }
    }

    func testAValidChangeSetOfAnotherRealmIsRejected() throws {
        let foreign = try sample(realm: "other-network")
        XCTAssertNoThrow(try SignedChangeSet.open(body: foreign.body, signature: foreign.signature, realm: "other-network"))
        XCTAssertThrowsError(try SignedChangeSet.open(body: foreign.body, signature: foreign.signature, realm: SimKeys.realm)) { error in
            XCTAssertEqual(error as? EnvelopeError, .wrongRealm(expected: SimKeys.realm, actual: "other-network"))
        }
    }

    func testASignatureByAnotherKeyIsRejected() throws {
        let signed = try sample()
        let forged = SimKeys.key(99).sign(signed.body)
        XCTAssertThrowsError(try SignedChangeSet.open(body: signed.body, signature: forged, realm: SimKeys.realm)) { error in
            XCTAssertEqual(error as? EnvelopeError, .badSignature)
        }
    }

    /// The case name of an envelope error, for counting.
    private static func caseName(_ error: EnvelopeError) -> String {
        switch error {
        case .tooLarge: "tooLarge"
        case .malformedJSON: "malformedJSON"
        case .missingField: "missingField"
        case .invalidValue: "invalidValue"
        case .unknownField: "unknownField"
        case .unsupportedVersion: "unsupportedVersion"
        case .wrongRealm: "wrongRealm"
        case .invalidAuthor: "invalidAuthor"
        case .badSignature: "badSignature"
        }
    }
}
