import Foundation
import HummingbirdTesting
import Logging
import MAEXClient
import MAEXCore
import MAEXStore
import XCTest

@testable import MAEXNode

/// `SyncRound` with an author filter against a live in-process peer holding two authors.
final class SyncAuthorFilterTests: LiveSyncTestCase {
    func testARoundWithAnAuthorFilterPullsOnlyThatAuthorsChangeSets() async throws {
        let server = try remote()
        let local = try localStore()
        let zeeland = TestAuthor()
        let utrecht = TestAuthor()
        let kept = (1...4).map { zeeland.create(initiativeID($0), initiativeFields("Zeeland \($0)")) }
        let other = (1...3).map { utrecht.create(initiativeID(100 + $0), initiativeFields("Utrecht \($0)", municipality: "GM0344")) }
        XCTAssertEqual(try server.store.receive(kept + other, nowMilliseconds: ServerTestNode.now), Array(repeating: .stored, count: 7))

        try await server.app().test(.live) { client in
            let port = try XCTUnwrap(client.port)
            let summary = try await Self.round(local, port: port, authors: [zeeland.id], limits: SyncLimits(pullCount: 3)).run()
            XCTAssertEqual(summary.pulled, 4, "only the filtered author's change sets are sent")
            XCTAssertEqual(summary.stored, 4)
            XCTAssertEqual(summary.pullRequests, 2, "4 change sets in pulls of at most 3")
            XCTAssertEqual(summary.pushed, 0)
            let vector = try local.vector()
            XCTAssertEqual(Set(vector.keys), [zeeland.id])
            XCTAssertEqual(vector[zeeland.id]?.seq, 4)
            XCTAssertEqual(try local.changeSetCount(), 4)

            let again = try await Self.round(local, port: port, authors: [zeeland.id]).run()
            XCTAssertTrue(again.isNoOp, "the other author is not offered again: \(again)")
            XCTAssertEqual(again.traffic.requests, 1)

            let unfiltered = try await Self.round(local, port: port, authors: nil).run()
            XCTAssertEqual(unfiltered.pulled, 3, "without the filter the other author's change sets arrive")
            XCTAssertEqual(try local.digest(), try server.store.digest())
        }
    }

    func testAChangeSetDependingOnAFilteredOutAuthorWaitsAsPending() async throws {
        let server = try remote()
        let local = try localStore()
        let zeeland = TestAuthor()
        let utrecht = TestAuthor()
        let base = utrecht.create(initiativeID(1), initiativeFields("Repair Café"))
        let edit = zeeland.set(
            initiativeID(1), "name", .string("Repair Café Vlissingen"), pred: [ChangeRef(author: utrecht.id, seq: 1)],
            deps: [utrecht.id: 1])
        XCTAssertEqual(try server.store.receive([base, edit], nowMilliseconds: ServerTestNode.now), [.stored, .stored])

        try await server.app().test(.live) { client in
            let port = try XCTUnwrap(client.port)
            let summary = try await Self.round(local, port: port, authors: [zeeland.id]).run()
            XCTAssertEqual(summary.pulled, 1)
            XCTAssertEqual(summary.pending, 1, "the edit waits for the filtered-out author's change set")
            XCTAssertEqual(summary.stored, 0)
            XCTAssertEqual(try local.pendingCount(), 1)
            XCTAssertEqual(try local.changeSetCount(), 0)
        }
    }
}
