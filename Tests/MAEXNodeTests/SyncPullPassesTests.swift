import Foundation
import Hummingbird
import HummingbirdTesting
import MAEXClient
import MAEXCore
import MAEXStore
import MAEXWire
import Synchronization
import XCTest

@testable import MAEXNode

/// A peer whose pages are not in a causal order (an older node) can leave change sets pending
/// for want of change sets it holds: the round pulls again from what the store holds and says so.
final class SyncPullPassesTests: LiveSyncTestCase {
    func testTheRoundPullsAgainWhileChangeSetsWaitForOnesThePeerHolds() async throws {
        let author = TestAuthor()
        let first = author.create(initiativeID(1), initiativeFields("Repair Café"))
        let second = author.set(initiativeID(1), "name", .string("Repair Café Vlissingen"), pred: [first.changeSet.ref])
        let heads = [author.id.hex: WireHead(seq: 2, id: second.id.hex)]
        // The first answer holds only the second change set; any later one both.
        let answers = Mutex(0)
        let router = Router()
        router.post("/v1/sync/pull") { _, _ -> Response in
            let count = answers.withLock { value -> Int in
                value += 1
                return value
            }
            let changeSets = count == 1 ? [second] : [first, second]
            return try JSONResponse.make(PullResponse(heads: heads, changesets: changeSets.map(WireChangeSet.init), more: false))
        }
        let local = try localStore()
        let app = Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)))
        try await app.test(.live) { client in
            let port = try XCTUnwrap(client.port)
            var round = try Self.round(local, port: port)
            round.pushes = false
            let summary = try await round.run()
            XCTAssertEqual(summary.pullPasses, 2, "a second pass from what the store holds")
            XCTAssertEqual(summary.stillPending, 0)
            XCTAssertEqual(try local.vector()[author.id]?.seq, 2)
            XCTAssertTrue(summary.description.contains("2 passes"), summary.description)
        }
        XCTAssertEqual(answers.withLock { $0 }, 2)
    }

    func testARoundStopsPullingAgainWhenAPassAppliesNothing() async throws {
        let author = TestAuthor()
        let first = author.create(initiativeID(1), initiativeFields("Repair Café"))
        let second = author.set(initiativeID(1), "name", .string("Repair Café Vlissingen"), pred: [first.changeSet.ref])
        let heads = [author.id.hex: WireHead(seq: 2, id: second.id.hex)]
        // A peer that never sends what the pending change set waits for.
        let answers = Mutex(0)
        let router = Router()
        router.post("/v1/sync/pull") { _, _ -> Response in
            answers.withLock { $0 += 1 }
            return try JSONResponse.make(PullResponse(heads: heads, changesets: [WireChangeSet(second)], more: false))
        }
        let local = try localStore()
        let app = Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)))
        try await app.test(.live) { client in
            let port = try XCTUnwrap(client.port)
            var round = try Self.round(local, port: port)
            round.pushes = false
            let summary = try await round.run()
            XCTAssertEqual(summary.pullPasses, 2, "one more pass, which applies nothing: the round ends")
            XCTAssertEqual(summary.stillPending, 1)
            XCTAssertTrue(summary.description.contains("1 change sets still pending"), summary.description)
        }
        XCTAssertEqual(answers.withLock { $0 }, 2)
    }
}
