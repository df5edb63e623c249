import MAEXCore
import XCTest

/// Each malformed field of a change set produces its own precise `EnvelopeError`.
final class EnvelopeDecodingTests: XCTestCase {
    private let fixture = EnvelopeFixture()

    private func with(_ key: String, _ value: JSONValue?) -> [String: JSONValue] {
        var members = fixture.members
        members[key] = value
        return members
    }

    func testTheFixtureDecodesToWhatItSays() throws {
        let changeSet = try EnvelopeFixture.decode(fixture.members)
        XCTAssertEqual(changeSet.version, 1)
        XCTAssertEqual(changeSet.realm, SimKeys.realm)
        XCTAssertEqual(changeSet.author, fixture.author.nodeID)
        XCTAssertEqual(changeSet.seq, 2)
        XCTAssertEqual(changeSet.prev, fixture.prev)
        XCTAssertEqual(changeSet.hlc, HLCTimestamp(milliseconds: fixture.wall, counter: 0))
        XCTAssertEqual(changeSet.deps, [fixture.other.nodeID: 3])
        XCTAssertEqual(
            changeSet.ops,
            [
                .set(
                    SetOperation(
                        record: fixture.record, field: "name", value: .string("Buurthuis"),
                        pred: [ChangeRef(author: fixture.author.nodeID, seq: 1), ChangeRef(author: fixture.other.nodeID, seq: 3)])),
                .delete(SimKeys.initiative(6)),
            ])
        // Re-encoding gives the same bytes.
        XCTAssertEqual(changeSet.canonicalBytes, JSONValue.object(fixture.members).canonicalBytes)
        // Without anything that needs them, deps may be omitted.
        var members = fixture.members
        members["deps"] = nil
        members["ops"] = .array([fixture.deleteOp(fixture.record)])
        XCTAssertEqual(try EnvelopeFixture.decode(members).deps, [:])
    }

    func testEachMissingFieldIsNamed() {
        for key in ["v", "realm", "author", "seq", "prev", "hlc", "ops"] {
            assertEnvelopeError(with(key, nil), .missingField(key), key)
        }
        var members = fixture.members
        members["ops"] = .array([.object(["type": .string("initiative"), "id": .string(fixture.record.id)])])
        assertEnvelopeError(members, .missingField("op"))
        members["ops"] = .array([
            .object(["op": .string("set"), "type": .string("initiative"), "id": .string(fixture.record.id), "field": .string("name")])
        ])
        assertEnvelopeError(members, .missingField("value"))
        members["ops"] = .array([.object(["op": .string("delete"), "id": .string(fixture.record.id)])])
        assertEnvelopeError(members, .missingField("type"))
        members["ops"] = .array([.object(["op": .string("delete"), "type": .string("initiative")])])
        assertEnvelopeError(members, .missingField("id"))
    }

    func testWrongKindsOfValues() {
        assertInvalidValue(with("v", .string("1")), field: "v", reason: "expected an integer, found string")
        assertInvalidValue(with("realm", .int(1)), field: "realm", reason: "expected a string, found integer")
        assertInvalidValue(with("author", .null), field: "author", reason: "expected a string, found null")
        assertInvalidValue(with("seq", .string("2")), field: "seq", reason: "expected an integer, found string")
        assertInvalidValue(with("prev", .int(1)), field: "prev", reason: "expected the previous change set's id")
        assertInvalidValue(with("prev", .null), field: "prev", reason: "expected the previous change set's id")
        for hlc: JSONValue in [
            .int(5), .array([.int(1)]), .array([.int(1), .int(-1)]), .array([.int(-1), .int(0)]), .array([.string("1"), .int(0)]),
            .array([.int(1), .int(2), .int(3)]),
        ] {
            assertInvalidValue(with("hlc", hlc), field: "hlc", reason: "expected [milliseconds, counter]", "\(hlc)")
        }
        assertInvalidValue(with("deps", .array([])), field: "deps", reason: "expected a non-empty object")
        assertInvalidValue(with("deps", .object([:])), field: "deps", reason: "expected a non-empty object")
        assertInvalidValue(with("deps", .object([fixture.other.nodeID.hex: .int(0)])), field: "deps", reason: "sequence numbers start at 1")
        assertInvalidValue(
            with("deps", .object([fixture.other.nodeID.hex: .string("3")])), field: "deps", reason: "sequence numbers start at 1")
        assertInvalidValue(with("deps", .object(["nonsense": .int(3)])), field: "deps", reason: "is not another author's node id")
        assertInvalidValue(with("ops", .object([:])), field: "ops", reason: "expected 1 to 10000 operations")
        assertInvalidValue(with("ops", .array([])), field: "ops", reason: "expected 1 to 10000 operations")
        assertInvalidValue(with("ops", .array([.string("set")])), field: "ops", reason: "expected an object per operation")
        assertInvalidValue(with("ops", .array([.object(["op": .int(1)])])), field: "op", reason: "expected a string, found integer")
        assertEnvelopeError(with("realm", .string("Maex Test")), .invalidValue(field: "realm", reason: "expected 1 to 64 of [a-z0-9.-]"))
        assertEnvelopeError(with("realm", .string("")), .invalidValue(field: "realm", reason: "expected 1 to 64 of [a-z0-9.-]"))
        assertEnvelopeError(
            with("realm", .string(String(repeating: "a", count: 65))),
            .invalidValue(field: "realm", reason: "expected 1 to 64 of [a-z0-9.-]"))
        assertInvalidValue(
            with("ops", .array([.object(["op": .string("delete"), "type": .string("Initiative"), "id": .string(fixture.record.id)])])),
            field: "type", reason: "[a-z]")
        assertInvalidValue(
            with(
                "ops",
                .array([.object(["op": .string("delete"), "type": .string("initiative"), "id": .string(fixture.record.id.uppercased())])])),
            field: "id", reason: "lowercase UUID")
        assertInvalidValue(with("ops", .array([fixture.setOp(field: "Name", value: .null)])), field: "field", reason: "[a-z]")
    }

    func testAuthorKeysAreCheckedByPolicy() {
        assertEnvelopeError(with("author", .string(fixture.author.nodeID.hex.uppercased())), .invalidAuthor(.notHex))
        assertEnvelopeError(
            with("author", .string(String(fixture.author.nodeID.hex.dropLast(2)))), .invalidAuthor(.wrongLength(expected: 64, actual: 62)))
        // The identity point (y = 1) has small order.
        let identity = "01" + String(repeating: "0", count: 62)
        assertEnvelopeError(with("author", .string(identity)), .invalidAuthor(.smallOrder))
    }

    func testSequenceMustStartAtOne() {
        assertEnvelopeError(with("seq", .int(0)), .invalidValue(field: "seq", reason: "must be at least 1"))
        assertEnvelopeError(with("seq", .int(-5)), .invalidValue(field: "seq", reason: "must be at least 1"))
    }

    func testPrevMustBeNullExactlyAtSequenceOne() throws {
        var members = with("seq", .int(1))
        members["ops"] = .array([fixture.deleteOp(fixture.record)])
        assertEnvelopeError(members, .invalidValue(field: "prev", reason: "must be null for sequence 1"))
        members["prev"] = .null
        XCTAssertNil(try EnvelopeFixture.decode(members).prev)
    }

    func testAMalformedPrevIdNamesThePrevField() {
        assertInvalidValue(with("prev", .string("abc")), field: "prev", reason: "64 lowercase hex")
        assertInvalidValue(with("prev", .string(fixture.prev.hex.uppercased())), field: "prev", reason: "64 lowercase hex")
    }

    func testDepsMustNotNameTheAuthorItself() {
        let members = with("deps", .object([fixture.other.nodeID.hex: .int(3), fixture.author.nodeID.hex: .int(1)]))
        assertInvalidValue(members, field: "deps", reason: "\(fixture.author.nodeID.hex) is not another author's node id")
    }

    func testPredMustBeCoveredByDepsOrTheAuthorsEarlierChangeSets() {
        let author = fixture.author.nodeID
        let other = fixture.other.nodeID
        let uncovered: [[ChangeRef]] = [
            [ChangeRef(author: other, seq: 4)],  // deps only reach 3
            [ChangeRef(author: author, seq: 2)],  // the change set itself
            [ChangeRef(author: author, seq: 3)],  // a later one of the author
            [ChangeRef(author: SimKeys.key(42).nodeID, seq: 1)],  // an author not in deps
        ]
        for pred in uncovered {
            assertInvalidValue(
                with("ops", .array([fixture.setOp(field: "name", value: .null, pred: pred)])), field: "pred",
                reason: "is neither an earlier change set of the author nor covered by deps", "\(pred)")
        }
        var members = with("ops", .array([fixture.setOp(field: "name", value: .null, pred: [ChangeRef(author: other, seq: 1)])]))
        members["deps"] = nil
        assertInvalidValue(members, field: "pred", reason: "covered by deps")
    }

    func testMalformedPredLists() {
        let other = fixture.other.nodeID.hex
        let cases: [(JSONValue, String)] = [
            (.array([]), "expected a non-empty list"),
            (.string("x"), "expected a non-empty list"),
            (.array([.array([.string(other)])]), "expected [author-id, seq] pairs"),
            (.array([.array([.string(other), .int(0)])]), "expected [author-id, seq] pairs"),
            (.array([.array([.string("zz"), .int(1)])]), "expected [author-id, seq] pairs"),
            (.array([.array([.string(other), .int(2)]), .array([.string(other), .int(1)])]), "references must be sorted and unique"),
            (.array([.array([.string(other), .int(1)]), .array([.string(other), .int(1)])]), "references must be sorted and unique"),
        ]
        for (pred, reason) in cases {
            assertInvalidValue(
                with("ops", .array([fixture.setOp(field: "name", value: .null, extra: ["pred": pred])])), field: "pred", reason: reason,
                "\(pred)")
        }
    }

    func testAFieldWrittenTwiceIsRejected() {
        let members = with(
            "ops", .array([fixture.setOp(field: "name", value: .string("a")), fixture.setOp(field: "name", value: .string("b"))]))
        assertInvalidValue(members, field: "ops", reason: "field name of \(fixture.record) is written twice")
        // Different fields of one record, and a delete between sets, are fine.
        let fine = with(
            "ops",
            .array([
                fixture.setOp(field: "name", value: .string("a")), fixture.deleteOp(fixture.record),
                fixture.setOp(field: "phase", value: .string("plan")),
            ]))
        XCTAssertEqual(try EnvelopeFixture.decode(fine).ops.count, 3)
    }

    func testOperationCountLimit() throws {
        let op = fixture.deleteOp(fixture.record)
        let atLimit = with("ops", .array(Array(repeating: op, count: EnvelopeLimits.maxOperations)))
        XCTAssertEqual(try EnvelopeFixture.decode(atLimit).ops.count, 10_000)
        let overLimit = with("ops", .array(Array(repeating: op, count: EnvelopeLimits.maxOperations + 1)))
        assertEnvelopeError(overLimit, .invalidValue(field: "ops", reason: "expected 1 to 10000 operations"))
    }

    func testBodySizeLimitIsExact() throws {
        // Pad a string value so the body is exactly at the limit, then one byte over.
        let base = with(
            "ops",
            .array([fixture.setOp(field: "description", value: .string(""), pred: [ChangeRef(author: fixture.author.nodeID, seq: 1)])]))
        let padding = EnvelopeLimits.maxBodyBytes - JSONValue.object(base).canonicalBytes.count
        let atLimit = with(
            "ops",
            .array([
                fixture.setOp(
                    field: "description", value: .string(String(repeating: "x", count: padding)),
                    pred: [ChangeRef(author: fixture.author.nodeID, seq: 1)])
            ]))
        let body = JSONValue.object(atLimit).canonicalBytes
        XCTAssertEqual(body.count, EnvelopeLimits.maxBodyBytes)
        XCTAssertNoThrow(try SignedChangeSet.decode(body: body))
        let over = with(
            "ops",
            .array([
                fixture.setOp(
                    field: "description", value: .string(String(repeating: "x", count: padding + 1)),
                    pred: [ChangeRef(author: fixture.author.nodeID, seq: 1)])
            ]))
        assertEnvelopeError(over, .tooLarge(size: EnvelopeLimits.maxBodyBytes + 1, limit: EnvelopeLimits.maxBodyBytes))
        // The size check comes first: even garbage of that size is refused as too large.
        XCTAssertThrowsError(
            try SignedChangeSet.open(
                body: [UInt8](repeating: 0x20, count: EnvelopeLimits.maxBodyBytes + 1), signature: [], realm: SimKeys.realm)
        ) { error in
            XCTAssertEqual(error as? EnvelopeError, .tooLarge(size: EnvelopeLimits.maxBodyBytes + 1, limit: EnvelopeLimits.maxBodyBytes))
        }
    }

    func testNonCanonicalBytesAndNonObjects() {
        var text = JSONValue.object(fixture.members).canonicalString
        text.insert(" ", at: text.index(after: text.startIndex))
        XCTAssertThrowsError(try SignedChangeSet.decode(body: Array(text.utf8))) { error in
            XCTAssertEqual(error as? EnvelopeError, .malformedJSON(.notCanonical))
        }
        XCTAssertThrowsError(try SignedChangeSet.decode(body: Array("[]".utf8))) { error in
            XCTAssertEqual(error as? EnvelopeError, .invalidValue(field: "(top)", reason: "expected an object"))
        }
    }
}
