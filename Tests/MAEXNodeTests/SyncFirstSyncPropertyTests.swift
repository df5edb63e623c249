import Foundation
import Hummingbird
import HummingbirdTesting
import MAEXClient
import MAEXCore
import MAEXStore
import MAEXWire
import XCTest

@testable import MAEXNode

/// Property: a fresh node that pulls from a peer ends with the peer's whole state, for seeded
/// random authors, dependencies, arrival orders at the peer and page caps; and the pull loop of
/// PROTOCOL.md followed literally (cursor = what the caller holds, advanced past everything
/// received) ends within one request per page.
final class SyncFirstSyncPropertyTests: LiveSyncTestCase {
    func testAFreshNodeAlwaysReachesThePeersStateAndTheLiteralLoopTerminates() async throws {
        var checkedPending = 0
        for seed in UInt64(1)...16 {
            var random = NetworkRandom(seed: seed)
            let server = try remote()
            let changeSets = Self.randomChains(&random)
            // The peer receives them in a random order, in random batches: its log order is a
            // causal order of its own, not the order they were written.
            var arrival = changeSets.shuffled(using: &random)
            while !arrival.isEmpty {
                let batch = Array(arrival.prefix(Int.random(in: 1...20, using: &random)))
                arrival.removeFirst(batch.count)
                let outcomes = try server.store.receive(batch, nowMilliseconds: ServerTestNode.now)
                checkedPending += outcomes.count { if case .pending = $0 { true } else { false } }
            }
            XCTAssertEqual(try server.store.changeSetCount(), changeSets.count, "seed \(seed): the peer holds every change set")
            let cap = Int.random(in: 1...40, using: &random)

            let local = try localStore()
            let literal = try localStore()
            try await server.app().test(.live) { client in
                let port = try XCTUnwrap(client.port)
                let summary = try await Self.round(local, port: port, limits: SyncLimits(pullCount: cap)).run()
                XCTAssertEqual(summary.pending, 0, "seed \(seed), cap \(cap): every page applies in order")
                XCTAssertEqual(summary.pullPasses, 1, "seed \(seed)")
                XCTAssertEqual(summary.pullRequests, (changeSets.count + cap - 1) / cap, "seed \(seed), cap \(cap)")
                try Self.assertSameState(local, server.store, "seed \(seed), round")

                let requests = try await Self.literalPullLoop(literal, port: port, cap: cap, limit: changeSets.count + 2)
                XCTAssertEqual(requests, (changeSets.count + cap - 1) / cap, "seed \(seed), cap \(cap): one request per page")
                try Self.assertSameState(literal, server.store, "seed \(seed), literal loop")
            }
        }
        XCTAssertGreaterThan(checkedPending, 0, "some arrivals at the peer were out of order, so its log order is its own")
    }

    /// 2 to 5 authors writing 20 to 120 change sets; each depends on the heads of a random set
    /// of the other authors and creates an initiative or edits one created earlier.
    static func randomChains(_ random: inout NetworkRandom) -> [SignedChangeSet] {
        let authors = (0..<Int.random(in: 2...5, using: &random)).map { _ in TestAuthor() }
        var created: [(id: String, by: ChangeRef)] = []
        var written: [SignedChangeSet] = []
        for step in 0..<Int.random(in: 20...120, using: &random) {
            let author = authors[Int.random(in: 0..<authors.count, using: &random)]
            var deps: [NodeID: Int64] = [:]
            for other in authors where other.id != author.id && other.seq > 0 && Bool.random(using: &random) {
                deps[other.id] = Int64.random(in: 1...other.seq, using: &random)
            }
            if let target = created.randomElement(using: &random), Bool.random(using: &random) {
                // An edit supersedes the creation: its deps must cover it (envelope rule).
                if target.by.author != author.id { deps[target.by.author] = max(deps[target.by.author] ?? 0, target.by.seq) }
                written.append(author.set(target.id, "name", .string("Naam \(step)"), pred: [target.by], deps: deps))
            } else {
                written.append(author.create(initiativeID(1000 + step), initiativeFields("Initiatief \(step)"), deps: deps))
                created.append((initiativeID(1000 + step), author.latest))
            }
        }
        return written
    }

    /// The pull loop of PROTOCOL.md, written from the text: the cursor starts as what the
    /// caller holds; after each answer the caller stores the change sets and advances the
    /// cursor past every one it received; it stops when `more` is false. Returns the requests.
    static func literalPullLoop(_ store: NodeStore, port: Int, cap: Int, limit: Int) async throws -> Int {
        let client = try PeerClient(
            url: "http://127.0.0.1:\(port)/", configuration: HTTPTransportConfiguration(retry: .none), logger: logger, signingKey: callerKey)
        var cursor = try store.vector().mapValues(\.seq)
        var requests = 0
        while requests < limit {
            let answer = try await client.pull(PullRequest(vector: Dictionary(uniqueKeysWithValues: cursor.map { ($0.key.hex, $0.value) }), maxCount: cap)).value
            requests += 1
            _ = try store.receive(raw: answer.changesets.map(\.raw), nowMilliseconds: ServerTestNode.now)
            for item in answer.changesets {
                guard let position = item.claimedPosition else { continue }
                cursor[position.author] = max(cursor[position.author] ?? 0, position.seq)
            }
            if !answer.more { return requests }
        }
        XCTFail("the literal pull loop did not end within \(limit) requests")
        return requests
    }

    private static func assertSameState(_ local: NodeStore, _ peer: NodeStore, _ what: String, file: StaticString = #filePath, line: UInt = #line) throws {
        XCTAssertEqual(try local.vector(), try peer.vector(), what, file: file, line: line)
        XCTAssertEqual(try local.digest(), try peer.digest(), what, file: file, line: line)
        XCTAssertEqual(try local.conflicts(), try peer.conflicts(), what, file: file, line: line)
        XCTAssertEqual(try local.pendingCount(), 0, what, file: file, line: line)
    }
}

extension TestAuthor {
    /// The reference of the author's latest change set.
    var latest: ChangeRef { ChangeRef(author: id, seq: seq) }
}
