import MAEXCore
import MAEXNode
import XCTest

final class SyncCursorTests: XCTestCase {
    private let alice = SigningKey().nodeID
    private let bob = SigningKey().nodeID
    private let carol = SigningKey().nodeID

    func testStartsFromTheStoreVectorAndDropsEmptyAuthors() {
        let cursor = SyncCursor([alice: 4, bob: 0])
        XCTAssertEqual(cursor[alice], 4)
        XCTAssertEqual(cursor[bob], 0)
        XCTAssertEqual(cursor.sequences, [alice: 4], "an author with nothing held is not sent")
        XCTAssertEqual(cursor.wire, [alice.hex: 4])
    }

    func testAdvanceNeverMovesBackwards() {
        var cursor = SyncCursor([alice: 10])
        cursor.advance(alice, to: 7)
        XCTAssertEqual(cursor[alice], 10)
        cursor.advance(alice, to: 12)
        cursor.advance(bob, to: 3)
        XCTAssertEqual(cursor.sequences, [alice: 12, bob: 3])
        cursor.advance(to: [alice: 11, bob: 5, carol: 1])
        XCTAssertEqual(cursor.sequences, [alice: 12, bob: 5, carol: 1])
    }

    func testLackingCountsWhatThePeerHoldsBeyondTheCursor() {
        let cursor = SyncCursor([alice: 10, bob: 3])
        let peer: [NodeID: Int64] = [alice: 15, bob: 2, carol: 4]
        XCTAssertEqual(cursor.lacking(from: peer), 5 + 0 + 4)
        XCTAssertEqual(cursor.lacking(from: peer, authors: [carol]), 4)
        XCTAssertEqual(cursor.lacking(from: peer, authors: []), 0)
        XCTAssertEqual(SyncCursor().lacking(from: [:]), 0)
    }

    /// Heads come from a peer: claims near `Int64.max` (or negative) must not overflow.
    func testLackingSaturatesOnHostileHeads() {
        let cursor = SyncCursor([alice: 10])
        XCTAssertEqual(cursor.lacking(from: [alice: .max, bob: .max, carol: .max / 2]), .max)
        XCTAssertEqual(cursor.lacking(from: [alice: .min, bob: -5]), 0)
        XCTAssertEqual(cursor.lacking(from: [alice: .min, bob: 7]), 7)
    }
}
