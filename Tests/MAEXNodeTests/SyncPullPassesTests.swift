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
        let (first, second, author) = Self.chain()
        // The first answer holds only the second change set; any later one both.
        let (summary, answers) = try await roundAgainstFakePeer(heads: author, second) { count in
            count == 1 ? [second] : [first, second]
        }
        XCTAssertEqual(summary.pullPasses, 2, "a second pass from what the store holds")
        XCTAssertEqual(summary.stillPending, 0)
        XCTAssertEqual(summary.pulled, 3, "one change set in the first answer, two in the second")
        XCTAssertTrue(summary.description.contains("2 passes"), summary.description)
        XCTAssertEqual(answers, 2)
    }

    func testARoundStopsPullingAgainWhenAPassAppliesNothing() async throws {
        let (_, second, author) = Self.chain()
        // A peer that never sends what the pending change set waits for.
        let (summary, answers) = try await roundAgainstFakePeer(heads: author, second) { _ in [second] }
        XCTAssertEqual(summary.pullPasses, 2, "one more pass, which applies nothing: the round ends")
        XCTAssertEqual(summary.stillPending, 1)
        XCTAssertTrue(summary.description.contains("1 change sets still pending"), summary.description)
        XCTAssertEqual(answers, 2)
    }

    /// Two change sets of one author.
    private static func chain() -> (SignedChangeSet, SignedChangeSet, NodeID) {
        let author = TestAuthor()
        let first = author.create(initiativeID(1), initiativeFields("Repair Café"))
        let second = author.set(initiativeID(1), "name", .string("Repair Café Vlissingen"), pred: [first.changeSet.ref])
        return (first, second, author.id)
    }

    /// One pull-only round of a fresh store against a fake peer whose heads name `head` of
    /// `author` and whose `n`-th pull answer (from 1) holds `answer(n)`; returns the summary and
    /// how many pulls the peer answered.
    private func roundAgainstFakePeer(
        heads author: NodeID, _ head: SignedChangeSet, answer: @escaping @Sendable (Int) -> [SignedChangeSet]
    ) async throws -> (SyncSummary, Int) {
        let heads = [author.hex: WireHead(seq: head.changeSet.seq, id: head.id.hex)]
        let answers = Mutex(0)
        let router = Router()
        router.post("/v1/sync/pull") { _, _ -> Response in
            let count = answers.withLock { value -> Int in
                value += 1
                return value
            }
            return try JSONResponse.make(PullResponse(heads: heads, changesets: answer(count).map(WireChangeSet.init), more: false))
        }
        let local = try localStore()
        let app = Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)))
        let summary = try await app.test(.live) { client in
            var round = try Self.round(local, port: try XCTUnwrap(client.port))
            round.pushes = false
            return try await round.run()
        }
        return (summary, answers.withLock { $0 })
    }
}
