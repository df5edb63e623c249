import MAEXCore
import XCTest

/// Schema version 1 is strict; a newer version is tolerated: unknown fields ignored, unknown
/// operations kept as `.unsupported` and never applied.
final class EnvelopeVersionTests: XCTestCase {
    private let fixture = EnvelopeFixture()

    func testVersionOneRejectsUnknownFieldsAndOperations() {
        var members = fixture.members
        members["comment"] = .string("hallo")
        assertEnvelopeError(members, .unknownField("comment"))

        members = fixture.members
        members["ops"] = .array([fixture.setOp(field: "name", value: .null, extra: ["note": .string("x")])])
        assertEnvelopeError(members, .unknownField("note"))

        members["ops"] = .array([
            .object(["op": .string("delete"), "type": .string("initiative"), "id": .string(fixture.record.id), "field": .string("name")])
        ])
        assertEnvelopeError(members, .unknownField("field"))

        members["ops"] = .array([.object(["op": .string("merge"), "type": .string("initiative"), "id": .string(fixture.record.id)])])
        assertEnvelopeError(members, .invalidValue(field: "op", reason: "unknown operation \"merge\""))
    }

    func testVersionsBelowOneAreUnsupported() {
        for version: Int64 in [0, -1] {
            var members = fixture.members
            members["v"] = .int(version)
            assertEnvelopeError(members, .unsupportedVersion(version))
        }
    }

    /// A version-2 change set signed by its author opens, keeps what it does not understand,
    /// and applies only what it does.
    func testVersionTwoToleratesUnknownFieldsAndKeepsUnknownOperations() throws {
        var members = fixture.members
        members["v"] = .int(2)
        members["seq"] = .int(1)
        members["prev"] = .null
        members["deps"] = nil
        members["comment"] = .string("from the future")
        members["ops"] = .array([
            .object([
                "op": .string("merge"), "into": .string(SimKeys.recordID(9)), "type": .string("initiative"),
                "id": .string(fixture.record.id),
            ]),
            fixture.setOp(field: "name", value: .string("Toekomst"), extra: ["lang": .string("nl")]),
        ])
        let body = JSONValue.object(members).canonicalBytes
        let signed = try SignedChangeSet.open(body: body, signature: fixture.author.sign(body), realm: SimKeys.realm)
        XCTAssertEqual(signed.body, body, "the bytes are kept verbatim")
        XCTAssertEqual(signed.changeSet.version, 2)
        XCTAssertEqual(
            signed.changeSet.ops,
            [
                .unsupported(kind: "merge"),
                .set(SetOperation(record: fixture.record, field: "name", value: .string("Toekomst"))),
            ])

        var replica = MemoryReplica(realm: SimKeys.realm)
        XCTAssertEqual(replica.receive(signed, nowMilliseconds: fixture.wall), .stored)
        XCTAssertEqual(replica.register.records.keys.sorted(), [fixture.record])
        XCTAssertEqual(replica.register.record(fixture.record)?.value(of: "name"), .string("Toekomst"))
        XCTAssertEqual(replica.chains[fixture.author.nodeID]?.first?.body, body)
    }

    func testVersionTwoStillEnforcesTheKnownRules() {
        var members = fixture.members
        members["v"] = .int(2)
        members["seq"] = .int(0)
        assertEnvelopeError(members, .invalidValue(field: "seq", reason: "must be at least 1"))
        members = fixture.members
        members["v"] = .int(2)
        members["ops"] = .array([fixture.setOp(field: "name", value: .null, pred: [ChangeRef(author: fixture.other.nodeID, seq: 9)])])
        assertInvalidValue(members, field: "pred", reason: "covered by deps")
        members["ops"] = .array([.object(["type": .string("initiative")])])
        assertEnvelopeError(members, .missingField("op"))
    }
}
