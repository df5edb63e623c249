import MAEXCore
import XCTest

/// A valid version-1 change set as raw JSON members, for tests that break one field at a time.
///
/// Sequence 2 of `author`, with `prev`, `deps` on `other`, a set whose `pred` names the
/// author's sequence 1 and the other's sequence 3, and a delete.
struct EnvelopeFixture {
    let author = SimKeys.key(40)
    let other = SimKeys.key(41)
    let record = SimKeys.initiative(5)
    let prev = ChangeSetID(hashing: Array("previous".utf8))
    let wall: Int64 = 1_767_225_600_000

    /// The valid members.
    var members: [String: JSONValue] {
        [
            "v": .int(1),
            "realm": .string(SimKeys.realm),
            "author": .string(author.nodeID.hex),
            "seq": .int(2),
            "prev": .string(prev.hex),
            "hlc": .array([.int(wall), .int(0)]),
            "deps": .object([other.nodeID.hex: .int(3)]),
            "ops": .array([
                setOp(
                    field: "name", value: .string("Buurthuis"),
                    pred: [ChangeRef(author: author.nodeID, seq: 1), ChangeRef(author: other.nodeID, seq: 3)]),
                deleteOp(SimKeys.initiative(6)),
            ]),
        ]
    }

    /// A set operation on `record` as JSON.
    func setOp(field: String, value: JSONValue, pred: [ChangeRef] = [], extra: [String: JSONValue] = [:]) -> JSONValue {
        var op: [String: JSONValue] = [
            "op": .string("set"), "type": .string(record.type), "id": .string(record.id), "field": .string(field), "value": value,
        ]
        if !pred.isEmpty { op["pred"] = .array(pred.sorted().map(\.jsonValue)) }
        op.merge(extra) { $1 }
        return .object(op)
    }

    /// A delete operation as JSON.
    func deleteOp(_ key: RecordKey) -> JSONValue {
        .object(["op": .string("delete"), "type": .string(key.type), "id": .string(key.id)])
    }

    /// Decodes members the way a node does: canonical bytes, then the envelope rules.
    static func decode(_ members: [String: JSONValue]) throws(EnvelopeError) -> ChangeSet {
        try SignedChangeSet.decode(body: JSONValue.object(members).canonicalBytes)
    }
}

/// Asserts that decoding fails with exactly `expected`.
func assertEnvelopeError(
    _ members: [String: JSONValue], _ expected: EnvelopeError, _ message: String = "",
    file: StaticString = #filePath, line: UInt = #line
) {
    XCTAssertThrowsError(try EnvelopeFixture.decode(members), message, file: file, line: line) { error in
        XCTAssertEqual(error as? EnvelopeError, expected, message, file: file, line: line)
    }
}

/// Asserts that decoding fails with `.invalidValue` for `field`, its reason containing `reason`.
func assertInvalidValue(
    _ members: [String: JSONValue], field: String, reason: String, _ message: String = "",
    file: StaticString = #filePath, line: UInt = #line
) {
    XCTAssertThrowsError(try EnvelopeFixture.decode(members), message, file: file, line: line) { error in
        guard case .invalidValue(let actualField, let actualReason)? = error as? EnvelopeError else {
            return XCTFail("expected invalidValue(\(field)), got \(error) \(message)", file: file, line: line)
        }
        XCTAssertEqual(actualField, field, message, file: file, line: line)
        XCTAssertTrue(actualReason.contains(reason), "reason \"\(actualReason)\" lacks \"\(reason)\" \(message)", file: file, line: line)
    }
}
