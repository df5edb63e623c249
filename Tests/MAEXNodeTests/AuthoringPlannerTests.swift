import MAEXCore
import MAEXNode
import XCTest

/// The pure planning step: header fields, clock, pred and deps, and every refusal.
final class AuthoringPlannerTests: XCTestCase {
    private let me = SigningKey()
    private let other = SigningKey()
    private let third = SigningKey()
    private let key = RecordKey(type: "initiative", id: "0f8b1c2e-3d4a-4b5c-8d6e-7f8091a2b3c4")
    private let wall: Int64 = 1_780_000_000_000

    private func snapshot(
        head: AuthorHead? = nil, latest: HLCTimestamp? = nil, wall: Int64? = nil, record: RecordState? = nil,
        writes: [String: [ChangeRef]] = [:], municipalities: Set<String>? = ["GM0718"]
    ) -> AuthoringSnapshot {
        AuthoringSnapshot(
            realm: "maex-test", author: me.nodeID, head: head, latestClock: latest, wallMilliseconds: wall ?? self.wall,
            record: record, currentWrites: writes, municipalities: municipalities)
    }

    private func liveRecord(municipality: String = "GM0718") -> RecordState {
        var state = RecordState()
        let write = FieldWrite(ref: ChangeRef(author: other.nodeID, seq: 1), hlc: HLCTimestamp(milliseconds: 5, counter: 0), value: .string(municipality))
        state.apply(field: "municipality", write: write, pred: [])
        return state
    }

    func testFirstChangeSetStartsTheChain() throws {
        let changeSet = try ChangeSetPlanner.plan(.create(key, initiativeValues()), in: snapshot())
        XCTAssertEqual(changeSet.seq, 1)
        XCTAssertNil(changeSet.prev)
        XCTAssertEqual(changeSet.author, me.nodeID)
        XCTAssertEqual(changeSet.realm, "maex-test")
        XCTAssertEqual(changeSet.hlc, HLCTimestamp(milliseconds: wall, counter: 0))
        XCTAssertEqual(changeSet.deps, [:])
        XCTAssertEqual(changeSet.ops.compactMap { op -> String? in
            if case .set(let set) = op, set.pred.isEmpty, set.record == key { return set.field }
            return nil
        }, ["municipality", "name", "sdgs"])
    }

    func testNextChangeSetFollowsTheHead() throws {
        let headID = ChangeSetID(hashing: [1, 2, 3])
        let head = AuthorHead(seq: 7, id: headID, hlc: HLCTimestamp(milliseconds: wall - 10, counter: 3))
        let changeSet = try ChangeSetPlanner.plan(.update(key, ["name": .string("Nieuw")]), in: snapshot(head: head, record: liveRecord()))
        XCTAssertEqual(changeSet.seq, 8)
        XCTAssertEqual(changeSet.prev, headID)
        XCTAssertEqual(changeSet.hlc, HLCTimestamp(milliseconds: wall, counter: 0))
    }

    func testClockNeverGoesBackWhenTheWallClockDoes() {
        let head = AuthorHead(seq: 1, id: ChangeSetID(hashing: [1]), hlc: HLCTimestamp(milliseconds: wall + 500, counter: 2))
        XCTAssertEqual(ChangeSetPlanner.nextClock(snapshot(head: head)), HLCTimestamp(milliseconds: wall + 500, counter: 3))
    }

    func testClockContinuesAfterTheLatestClockSeen() {
        let head = AuthorHead(seq: 1, id: ChangeSetID(hashing: [1]), hlc: HLCTimestamp(milliseconds: wall - 100, counter: 0))
        let latest = HLCTimestamp(milliseconds: wall + 2_000, counter: 4)
        XCTAssertEqual(ChangeSetPlanner.nextClock(snapshot(head: head, latest: latest)), HLCTimestamp(milliseconds: wall + 2_000, counter: 5))
        XCTAssertEqual(ChangeSetPlanner.nextClock(snapshot(head: head, latest: latest, wall: wall + 3_000)), HLCTimestamp(milliseconds: wall + 3_000, counter: 0))
    }

    func testPredIsTheCurrentWritesAndDepsTheHighestSequencePerOtherAuthor() throws {
        let head = AuthorHead(seq: 4, id: ChangeSetID(hashing: [4]), hlc: HLCTimestamp(milliseconds: wall - 1, counter: 0))
        let writes: [String: [ChangeRef]] = [
            "name": [ChangeRef(author: other.nodeID, seq: 3), ChangeRef(author: me.nodeID, seq: 2), ChangeRef(author: third.nodeID, seq: 9)],
            "volunteers": [ChangeRef(author: other.nodeID, seq: 5)],
        ]
        let changeSet = try ChangeSetPlanner.plan(
            .update(key, ["name": .string("Nieuw"), "volunteers": .int(4)]), in: snapshot(head: head, record: liveRecord(), writes: writes))
        XCTAssertEqual(changeSet.deps, [other.nodeID: 5, third.nodeID: 9])
        let preds = Dictionary(uniqueKeysWithValues: changeSet.ops.compactMap { op -> (String, [ChangeRef])? in
            guard case .set(let set) = op else { return nil }
            return (set.field, set.pred)
        })
        XCTAssertEqual(preds["name"], writes["name"]?.sorted())
        XCTAssertEqual(preds["volunteers"], writes["volunteers"])
        // The envelope rules accept it: every pred is covered by the author's chain or deps.
        let signed = changeSet.signed(with: me)
        XCTAssertNoThrow(try SignedChangeSet.open(body: signed.body, signature: signed.signature, realm: "maex-test"))
    }

    func testCreateLeavesOutNullValues() throws {
        var values = initiativeValues()
        values["description"] = .null
        let changeSet = try ChangeSetPlanner.plan(.create(key, values), in: snapshot())
        XCTAssertEqual(changeSet.ops.count, 3)
    }

    func testUpdateMayClearAnOptionalField() throws {
        let changeSet = try ChangeSetPlanner.plan(.update(key, ["description": .null]), in: snapshot(record: liveRecord()))
        guard case .set(let set) = changeSet.ops.first else { return XCTFail("expected a set") }
        XCTAssertEqual(set.value, .null)
    }

    func testDeleteIsOneTombstoneOperation() throws {
        let changeSet = try ChangeSetPlanner.plan(.delete(key), in: snapshot(record: liveRecord()))
        XCTAssertEqual(changeSet.ops, [.delete(key)])
        XCTAssertEqual(changeSet.deps, [:])
    }

    func testRefusals() {
        var deleted = liveRecord()
        deleted.delete(Tombstone(ref: ChangeRef(author: other.nodeID, seq: 2), hlc: HLCTimestamp(milliseconds: 9, counter: 0)))
        let badID = RecordKey(type: "initiative", id: "not-a-uuid")
        let cases: [(LocalEdit, AuthoringSnapshot, AuthoringError)] = [
            (.create(badID, initiativeValues()), snapshot(), .invalidRecordID("not-a-uuid")),
            (.create(key, initiativeValues()), snapshot(record: liveRecord()), .recordExists(key)),
            (.create(key, ["municipality": .string("GM0718")]), snapshot(), .schema(.required(field: "name"))),
            (.create(key, initiativeValues(municipality: "GM071")), snapshot(),
             .schema(.invalid(field: "municipality", reason: "verwacht een CBS-gemeentecode zoals GM0718"))),
            (.create(key, initiativeValues(municipality: "GM0716")), snapshot(), .outOfScope(municipality: "GM0716", allowed: ["GM0718"])),
            (.update(key, ["colour": .string("rood")]), snapshot(record: liveRecord()), .schema(.unknownField(type: "initiative", field: "colour"))),
            (.update(key, ["name": .string("x")]), snapshot(), .unknownRecord(key)),
            (.update(key, ["name": .string("x")]), snapshot(record: deleted), .deletedRecord(key)),
            (.update(key, [:]), snapshot(record: liveRecord()), .nothingToChange(key)),
            (.update(key, ["name": .string("x")]), snapshot(record: liveRecord(municipality: "GM0716")),
             .outOfScope(municipality: "GM0716", allowed: ["GM0718"])),
            (.update(key, ["municipality": .string("GM0716")]), snapshot(record: liveRecord()),
             .outOfScope(municipality: "GM0716", allowed: ["GM0718"])),
            (.delete(key), snapshot(), .unknownRecord(key)),
            (.delete(key), snapshot(record: deleted), .deletedRecord(key)),
            (.delete(key), snapshot(record: liveRecord(municipality: "GM0716")), .outOfScope(municipality: "GM0716", allowed: ["GM0718"])),
            (.create(RecordKey(type: "event", id: key.id), [:]), snapshot(), .schema(.unknownType("event"))),
        ]
        for (edit, snapshot, expected) in cases {
            XCTAssertAuthoringError(expected) { try ChangeSetPlanner.plan(edit, in: snapshot) }
        }
    }

    func testUnlimitedScopeAcceptsAnyMunicipality() throws {
        let changeSet = try ChangeSetPlanner.plan(.create(key, initiativeValues(municipality: "GM0716")), in: snapshot(municipalities: nil))
        XCTAssertEqual(changeSet.ops.count, 3)
    }
}
