import MAEXCore
import XCTest

/// The per-field register, tombstones and the state digest, without replicas.
final class RegisterFieldStateTests: XCTestCase {
    private let a = SimKeys.key(70).nodeID
    private let b = SimKeys.key(71).nodeID
    private let record = SimKeys.initiative(13)

    private func write(_ author: NodeID, _ seq: Int64, ms: Int64, _ value: String) -> FieldWrite {
        FieldWrite(ref: ChangeRef(author: author, seq: seq), hlc: HLCTimestamp(milliseconds: ms, counter: 0), value: .string(value))
    }

    func testConcurrentWritesAreKeptInOrderAndPredSupersedes() {
        let w1 = write(a, 1, ms: 10, "een")
        let w2 = write(b, 1, ms: 20, "twee")
        let w3 = write(a, 2, ms: 15, "drie")
        var state = FieldState(writes: [])
        state.apply(w1, pred: [])
        state.apply(w2, pred: [w1.ref])
        state.apply(w3, pred: [w1.ref])  // concurrent with w2: both superseded w1
        XCTAssertEqual(state.writes, [w3, w2])
        XCTAssertEqual(state.winner, w2)
        XCTAssertEqual(Array(state.losers), [w3])
        // Idempotent.
        state.apply(w3, pred: [w1.ref])
        XCTAssertEqual(state.writes, [w3, w2])
        // A write that saw both resolves the conflict.
        let w4 = write(b, 2, ms: 5, "vier")
        state.apply(w4, pred: [w2.ref, w3.ref])
        XCTAssertEqual(state.writes, [w4], "a later write wins by causality even with an older clock")
    }

    func testEqualClocksAreOrderedByAuthorThenSequence() {
        let low = a < b ? a : b
        let high = a < b ? b : a
        let x = write(high, 1, ms: 10, "x")
        let y = write(low, 1, ms: 10, "y")
        let z = write(low, 2, ms: 10, "z")
        XCTAssertEqual(FieldState(writes: [x, y, z]).writes, [y, z, x])
        XCTAssertEqual(FieldState(writes: [z, x, y]).winner, x)
    }

    func testDeletesAreFinalAndKeepTheEarliestTombstone() {
        var state = RecordState()
        state.apply(field: "name", write: write(a, 1, ms: 10, "een"), pred: [])
        let late = Tombstone(ref: ChangeRef(author: b, seq: 1), hlc: HLCTimestamp(milliseconds: 30, counter: 0))
        let early = Tombstone(ref: ChangeRef(author: a, seq: 2), hlc: HLCTimestamp(milliseconds: 20, counter: 0))
        state.delete(late)
        XCTAssertEqual(state.fields, [:])
        state.apply(field: "name", write: write(a, 3, ms: 40, "terug"), pred: [])
        XCTAssertEqual(state.fields, [:], "a set on a deleted record is ignored")
        state.delete(early)
        XCTAssertEqual(state.tombstone, early)
        state.delete(late)
        XCTAssertEqual(state.tombstone, early)
        XCTAssertTrue(state.isDeleted)
    }

    func testDigestOfNothingIsTheHashOfNoBytes() {
        XCTAssertEqual(Register().digest, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    }

    func testDigestLinesAreCanonicalAndOrderIndependent() throws {
        var one = SimAuthor(key: SimKeys.key(70))
        var two = SimAuthor(key: SimKeys.key(71))
        let first = try one.write(
            [.set(record, field: "name", value: .string("Eén")), .set(SimKeys.initiative(14), field: "sdgs", value: .array([.int(3)]))],
            wallMilliseconds: 1_000)
        let second = try two.write(
            [.set(record, field: "name", value: .string("Twee")), .delete(SimKeys.initiative(15))], wallMilliseconds: 2_000)
        var forward = Register()
        forward.apply(first.changeSet)
        forward.apply(second.changeSet)
        var backward = Register()
        backward.apply(second.changeSet)
        backward.apply(first.changeSet)
        XCTAssertEqual(forward, backward)
        XCTAssertEqual(forward.digest, backward.digest)
        XCTAssertEqual(forward.digest.count, 64)

        // The line of a record with a conflict, exactly.
        let state = try XCTUnwrap(forward.records[record])
        var members = state.jsonMembers()
        members["type"] = .string(record.type)
        members["id"] = .string(record.id)
        let w1 = #"{"by":"\#(one.id.hex)","hlc":[1000,0],"seq":1,"value":"Eén"}"#
        let expectedLine =
            #"{"fields":{"name":{"by":"\#(two.id.hex)","conflicts":[\#(w1)],"hlc":[2000,0],"seq":1,"value":"Twee"}},"id":"\#(record.id)","type":"initiative"}"#
        XCTAssertEqual(JSONValue.object(members).canonicalString, expectedLine)
        XCTAssertEqual(
            forward.records[SimKeys.initiative(15)]?.jsonMembers(),
            ["deleted": .object(["by": .string(two.id.hex), "seq": .int(1), "hlc": .array([.int(2000), .int(0)])])])

        // Any change of state changes the digest.
        var changed = forward
        changed.apply(
            try one.write([.set(SimKeys.initiative(14), field: "sdgs", value: .array([.int(4)]))], wallMilliseconds: 3_000).changeSet)
        XCTAssertNotEqual(changed.digest, forward.digest)
    }

    func testUnsupportedOperationsAreSkipped() {
        var register = Register()
        let changeSet = ChangeSet(
            realm: SimKeys.realm, author: a, seq: 1, prev: nil, hlc: HLCTimestamp(milliseconds: 1, counter: 0),
            ops: [.unsupported(kind: "merge"), .set(SetOperation(record: record, field: "name", value: .string("x")))], version: 2)
        register.apply(changeSet)
        XCTAssertEqual(register.records.count, 1)
        XCTAssertEqual(register.record(record)?.value(of: "name"), .string("x"))
    }
}
