import Foundation
import Logging
import MAEXClient
import MAEXCore
import MAEXWire
import XCTest

@testable import MAEXNode

/// How a round counts the peer's answer to a push: every `PushStatus`, and `retracted` as held
/// by the peer (it is in the peer's log, only not applied), not as refused.
final class SyncPushTallyTests: LiveSyncTestCase {
    /// A round that is never run (the client connects to nothing).
    private func round() throws -> SyncRound {
        let client = try PeerClient(
            url: "http://127.0.0.1:9/", configuration: HTTPTransportConfiguration(retry: .none), logger: Self.logger)
        return SyncRound(store: try localStore(), client: client, logger: Self.logger)
    }

    func testEveryStatusIsCountedOnce() throws {
        let round = try round()
        let expected: [PushStatus: (stored: Int, duplicate: Int, pending: Int, rejected: Int)] = [
            .stored: (1, 0, 0, 0), .retracted: (1, 0, 0, 0), .duplicate: (0, 1, 0, 0), .pending: (0, 0, 1, 0),
            .rejected: (0, 0, 0, 1), .fork: (0, 0, 0, 1),
        ]
        XCTAssertEqual(Set(expected.keys), Set(PushStatus.allCases))
        for status in PushStatus.allCases {
            var summary = SyncSummary(peer: "test")
            round.tally(PushResult(id: String(repeating: "a", count: 64), status: status, reason: "weg"), &summary)
            let counts = try XCTUnwrap(expected[status])
            XCTAssertEqual(summary.pushStored, counts.stored, "\(status)")
            XCTAssertEqual(summary.pushDuplicate, counts.duplicate, "\(status)")
            XCTAssertEqual(summary.pushPending, counts.pending, "\(status)")
            XCTAssertEqual(summary.pushRejected, counts.rejected, "\(status)")
            XCTAssertEqual(summary.rejections.count, counts.rejected, "only refusals are noted: \(status)")
        }
    }

    func testTheWireCarriesEveryStatusAndRefusesAnUnknownOne() throws {
        for status in PushStatus.allCases {
            let json = #"{"id": "\#(String(repeating: "b", count: 64))", "status": "\#(status.rawValue)"}"#
            XCTAssertEqual(try JSONDecoder().decode(PushResult.self, from: Data(json.utf8)).status, status)
        }
        let unknown = #"{"id": "\#(String(repeating: "b", count: 64))", "status": "kept"}"#
        XCTAssertThrowsError(try JSONDecoder().decode(PushResult.self, from: Data(unknown.utf8)))
    }

    func testTheServerAnswersTheStatusOfEachOutcome() {
        let id = ChangeSetID(hashing: [7])
        XCTAssertEqual(SyncController.wire(id: id, outcome: .retracted(reason: "revoked")).status, .retracted)
        XCTAssertEqual(SyncController.wire(id: id, outcome: .retracted(reason: "revoked")).reason, "revoked")
        XCTAssertEqual(SyncController.wire(id: id, outcome: .stored).status, .stored)
        XCTAssertEqual(SyncController.wire(id: id, outcome: .rejected(reason: "x")).status, .rejected)
    }
}
