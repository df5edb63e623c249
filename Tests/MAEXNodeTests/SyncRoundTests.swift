import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import MAEXClient
import MAEXCore
import MAEXStore
import MAEXWire
import ServiceLifecycle
import XCTest

@testable import MAEXNode

/// `SyncRound` and `Replicator` against a live in-process server.
final class SyncRoundTests: LiveSyncTestCase {
    func testPullsAndPushesInBoundedBatchesThenANoOpRoundIsOneRequest() async throws {
        let server = try remote()
        let local = try localStore()
        let alice = TestAuthor()
        let bob = TestAuthor()
        let remoteSets = (1...25).map { alice.create(initiativeID($0), initiativeFields("Initiatief \($0)")) }
        let localSets = (1...7).map { bob.create(initiativeID(100 + $0), initiativeFields("Lokaal \($0)", municipality: "GM0716")) }
        XCTAssertEqual(try server.store.receive(remoteSets, nowMilliseconds: ServerTestNode.now), Array(repeating: .stored, count: 25))
        XCTAssertEqual(try local.receive(localSets, nowMilliseconds: ServerTestNode.now), Array(repeating: .stored, count: 7))

        try await server.app().test(.live) { client in
            let port = try XCTUnwrap(client.port)
            let limits = SyncLimits(pullCount: 10, pullBytes: 1 << 20, pushCount: 3, pushBytes: 1 << 20)
            let summary = try await Self.round(local, port: port, limits: limits).run()
            XCTAssertEqual(summary.pulled, 25)
            XCTAssertEqual(summary.stored, 25)
            XCTAssertEqual(summary.pullRequests, 3, "25 change sets in pulls of at most 10")
            XCTAssertEqual(summary.pushed, 7)
            XCTAssertEqual(summary.pushStored, 7)
            XCTAssertEqual(summary.pushRequests, 3, "7 change sets in pushes of at most 3")
            XCTAssertEqual(summary.traffic.requests, 6)
            XCTAssertGreaterThan(summary.traffic.responseBytes, 0)
            XCTAssertEqual(try local.digest(), try server.store.digest())
            XCTAssertEqual(try local.vector(), try server.store.vector())

            let again = try await Self.round(local, port: port).run()
            XCTAssertTrue(again.isNoOp)
            XCTAssertEqual(again.traffic.requests, 1, "a no-op round is one pull")
            XCTAssertLessThan(again.traffic.requestBytes, 2048)
            XCTAssertLessThan(again.traffic.responseBytes, 2048)
        }
    }

    func testADependencyOnALaterSortingAuthorArrivesFirstInLogOrder() async throws {
        let server = try remote()
        let local = try localStore()
        // `early` sorts before `late`, but its change set depends on late's: the server sends
        // them in its log order (late's first), so nothing waits, also in pages of one.
        var early = TestAuthor()
        var late = TestAuthor()
        if late.id < early.id { swap(&early, &late) }
        let base = late.create(initiativeID(1), initiativeFields("Repair Café"))
        let edit = early.set(initiativeID(1), "name", .string("Repair Café Vlissingen"), pred: [ChangeRef(author: late.id, seq: 1)], deps: [late.id: 1])
        XCTAssertEqual(try server.store.receive([base, edit], nowMilliseconds: ServerTestNode.now), [.stored, .stored])

        try await server.app().test(.live) { client in
            let port = try XCTUnwrap(client.port)
            let summary = try await Self.round(local, port: port, limits: SyncLimits(pullCount: 1)).run()
            XCTAssertEqual(summary.pulled, 2, "each change set is sent once")
            XCTAssertEqual(summary.pending, 0, "the dependency came first")
            XCTAssertEqual(summary.stored, 2)
            XCTAssertEqual(summary.pullRequests, 2)
            XCTAssertEqual(try local.pendingCount(), 0, "the edit was applied once its dependency arrived")
            XCTAssertEqual(try local.digest(), try server.store.digest())
        }
    }

    func testRefusedChangeSetsAreCountedWithTheirReasonAndTheRoundEnds() async throws {
        let server = try remote()
        let author = TestAuthor()
        let sets = (1...3).map { author.create(initiativeID($0), initiativeFields("Initiatief \($0)")) }
        XCTAssertEqual(try server.store.receive(sets, nowMilliseconds: ServerTestNode.now), [.stored, .stored, .stored])
        // The local node lives in another realm: everything the peer sends is refused.
        let foreign = try localStore(realm: "other-realm")

        try await server.app().test(.live) { client in
            let port = try XCTUnwrap(client.port)
            let summary = try await Self.round(foreign, port: port, limits: SyncLimits(pullCount: 1)).run()
            XCTAssertEqual(summary.pulled, 3, "the round steps past refused change sets instead of asking again")
            XCTAssertEqual(summary.rejected, 3)
            XCTAssertEqual(summary.rejections.count, 3)
            XCTAssertTrue(summary.rejections.allSatisfy { $0.contains("realm") }, "\(summary.rejections)")
            XCTAssertEqual(try foreign.changeSetCount(), 0)
        }
    }

    func testAPeerThatIsDownFailsWithAnErrorNamingIt() async throws {
        let local = try localStore()
        let port = try FreePort.next()
        do {
            _ = try await Self.round(local, port: port).run()
            XCTFail("a round with a peer that is down must fail")
        } catch let error as SyncError {
            XCTAssertTrue(error.isTransient)
            XCTAssertTrue(error.description.contains("127.0.0.1:\(port)"), error.description)
            guard case .peer(.transport(.connectionRefused)) = error else { return XCTFail("\(error)") }
        }
    }

    func testReplicatorSyncsPeriodicallyAndStopsOnGracefulShutdown() async throws {
        let server = try remote()
        let local = try localStore()
        let author = TestAuthor()
        XCTAssertEqual(try server.store.receive([author.create(initiativeID(1), initiativeFields("Buurtmoestuin"))], nowMilliseconds: ServerTestNode.now), [.stored])

        try await server.app().test(.live) { client in
            let port = try XCTUnwrap(client.port)
            let peer = try PeerClient(url: "http://127.0.0.1:\(port)/", logger: Self.logger, signingKey: Self.callerKey)
            let rounds = RoundLog()
            let replicator = Replicator(
                store: local, peers: [peer], interval: .milliseconds(50), logger: Self.logger,
                onRound: { _, result in rounds.add(result) })
            let group = ServiceGroup(services: [replicator], logger: Self.logger)
            try await withThrowingTaskGroup(of: Void.self) { tasks in
                tasks.addTask { try await group.run() }
                let deadline = ContinuousClock.now + .seconds(20)
                while rounds.successes < 3, ContinuousClock.now < deadline { try await Task.sleep(for: .milliseconds(20)) }
                XCTAssertGreaterThanOrEqual(rounds.successes, 3, "rounds repeat every interval")
                XCTAssertEqual(try local.digest(), try server.store.digest())
                // A change on the peer reaches the local node by the next rounds.
                XCTAssertEqual(try server.store.receive([author.set(initiativeID(1), "volunteers", .int(8), pred: [ChangeRef(author: author.id, seq: 1)])], nowMilliseconds: ServerTestNode.now), [.stored])
                while try local.changeSetCount() < 2, ContinuousClock.now < deadline { try await Task.sleep(for: .milliseconds(20)) }
                XCTAssertEqual(try local.digest(), try server.store.digest())
                await group.triggerGracefulShutdown()
                try await tasks.waitForAll()
            }
            XCTAssertEqual(rounds.failures, 0)
        }
    }
}

/// Results reported by a replicator, collected across tasks.
private final class RoundLog: @unchecked Sendable {
    private let lock = NSLock()
    private var results: [Result<SyncSummary, SyncError>] = []

    func add(_ result: Result<SyncSummary, SyncError>) { lock.withLock { results.append(result) } }
    var successes: Int { lock.withLock { results.count { if case .success = $0 { true } else { false } } } }
    var failures: Int { lock.withLock { results.count { if case .failure = $0 { true } else { false } } } }
    var first: Result<SyncSummary, SyncError>? { lock.withLock { results.first } }
}

extension SyncRoundTests {
    func testReplicatorRefusesAPeerOfAnotherNetworkAndKeepsRunning() async throws {
        let server = try remote()
        let other = try localStore(realm: "other-realm")

        try await server.app().test(.live) { client in
            let port = try XCTUnwrap(client.port)
            let peer = try PeerClient(url: "http://127.0.0.1:\(port)/", logger: Self.logger, signingKey: Self.callerKey)
            let rounds = RoundLog()
            let replicator = Replicator(
                store: other, peers: [peer], interval: .milliseconds(20), logger: Self.logger,
                onRound: { _, result in rounds.add(result) })
            let group = ServiceGroup(services: [replicator], logger: Self.logger)
            try await withThrowingTaskGroup(of: Void.self) { tasks in
                tasks.addTask { try await group.run() }
                let deadline = ContinuousClock.now + .seconds(10)
                while rounds.failures < 1, ContinuousClock.now < deadline { try await Task.sleep(for: .milliseconds(10)) }
                try await Task.sleep(for: .milliseconds(200))
                XCTAssertEqual(rounds.failures, 1, "reported once, not retried every interval")
                XCTAssertEqual(rounds.successes, 0)
                guard case .failure(.foreignRealm(_, let realm, let expected)) = rounds.first else {
                    return XCTFail("expected a foreign realm, got \(String(describing: rounds.first))")
                }
                XCTAssertEqual(realm, ServerTestNode.realm)
                XCTAssertEqual(expected, "other-realm")
                await group.triggerGracefulShutdown()
                try await tasks.waitForAll()
            }
            XCTAssertEqual(try other.changeSetCount(), 0)
        }
    }
}
