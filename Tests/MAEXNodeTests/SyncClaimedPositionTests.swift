import MAEXCore
import MAEXWire
import XCTest

@testable import MAEXNode

/// Reading a change set's author and sequence from its canonical body, to plan the next pull.
final class SyncClaimedPositionTests: XCTestCase {
    private let key = SigningKey()

    private func wire(seq: Int64, value: JSONValue) -> WireChangeSet {
        let record = RecordKey(type: "initiative", id: "00000000-0000-4000-8000-000000000001")
        let changeSet = ChangeSet(
            realm: "maex-test", author: key.nodeID, seq: seq, prev: seq > 1 ? ChangeSetID(hashing: [1]) : nil,
            hlc: HLCTimestamp(milliseconds: 1_780_000_000_000, counter: 0),
            ops: [.set(SetOperation(record: record, field: "description", value: value))])
        return WireChangeSet(changeSet.signed(with: key))
    }

    func testReadsTheTopLevelAuthorAndSequence() throws {
        for seq: Int64 in [1, 9, 10, 12_345, 9_000_000_000] {
            let position = try XCTUnwrap(wire(seq: seq, value: .string("Repair Café")).claimedPosition)
            XCTAssertEqual(position.author, key.nodeID)
            XCTAssertEqual(position.seq, seq)
        }
    }

    func testASeqKeyInsideAValueDoesNotMislead() throws {
        let nested = JSONValue.object(["seq": .int(777), "note": .string("\"seq\":555")])
        let position = try XCTUnwrap(wire(seq: 3, value: nested).claimedPosition)
        XCTAssertEqual(position.seq, 3)
    }

    func testBodiesOfAnotherShapeClaimNothing() {
        let good = wire(seq: 2, value: .int(1))
        for body in ["", "{}", "not json", #"{"author":"zz"}"#, String(good.body.dropLast(20)), " " + good.body,
                     good.body.replacingOccurrences(of: "\"seq\":2", with: "\"seq\":x")] {
            XCTAssertNil(WireChangeSet(body: body, sig: good.sig).claimedPosition, body)
        }
    }
}
