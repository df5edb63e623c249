import Foundation
import MAEXClient
import MAEXCore
import MAEXNode
import MAEXStore
import MAEXWire
import XCTest

/// An empty node's first `maex-node sync` from a hub ends with the hub's whole state, whatever
/// the authors, their dependencies and the page cap (issue M, hole 1).
final class NetworkFirstSyncTests: XCTestCase {
    private var network: TestNetwork?

    override func tearDown() {
        network?.stopAll()
        network = nil
        super.tearDown()
    }

    /// The reported scenario: the author with the lowest node id pushes 1,005 change sets that
    /// each depend on the hub's certificate for it; one sync of a fresh node ends equal.
    func testAFreshNodeSyncsOnceToTheHubsStateWhenTheLowestAuthorDependsOnTheHubsChain() async throws {
        let network = try TestNetwork()
        self.network = network
        try network.addNode("national", role: .national, scope: ["NL"])
        let hub = try network.addNode("zeeland", role: .province, scope: ["PV29"])
        let hubID = try network.open("zeeland").directory.nodeID
        let authors = [Self.key(below: min(network.rootKey.nodeID, hubID))]
        try certify(authors, at: hub, scope: "GM0718")
        try await hub.start()

        var chains = try ChainSet(authors, certifiedAt: network.open("zeeland").store)
        for _ in 0..<1005 { chains.next(0) }
        try await push(chains.all, to: hub)

        let fresh = try freshNode(network)
        let sync = try CLI.run(["sync", "--data", fresh.path, "--peer", hub.url, "--json", "--quiet"], timeout: 120)
        XCTAssertEqual(sync.status, 0, sync.stderr)
        let summary = try sync.json()
        XCTAssertEqual(summary["still_pending"], .int(0), sync.stdout)
        XCTAssertEqual(summary["pending"], .int(0), "every page is applicable in order: \(sync.stdout)")
        XCTAssertEqual(summary["pull_passes"], .int(1), sync.stdout)
        try await assertSameState(fresh, as: hub, holding: 1005 + 2)
    }

    /// Three authors whose change sets depend on each other's in both directions, pages of 10.
    func testAFreshNodeSyncsOnceWithASmallCapAndDependenciesAcrossThreeAuthors() async throws {
        let network = try TestNetwork()
        self.network = network
        try network.addNode("national", role: .national, scope: ["NL"])
        let hub = try network.addNode("zeeland", role: .province, scope: ["PV29"])
        let authors = (0..<3).map { _ in SigningKey() }
        try certify(authors, at: hub, scope: "GM0718")
        try await hub.start()

        var chains = try ChainSet(authors, certifiedAt: network.open("zeeland").store)
        var random = NetworkRandom(seed: 18)
        for step in 0..<240 {
            // Each change set depends on the latest of both other authors (when they wrote any),
            // so every author both waits for and is waited for by the others.
            let author = step < 3 ? step : Int.random(in: 0..<3, using: &random)
            chains.next(author, dependingOnOthers: true)
        }
        try await push(chains.all, to: hub)

        let fresh = try freshNode(network)
        let sync = try CLI.run(["sync", "--data", fresh.path, "--peer", hub.url, "--json", "--quiet", "--pull-count", "10"], timeout: 120)
        XCTAssertEqual(sync.status, 0, sync.stderr)
        let summary = try sync.json()
        XCTAssertEqual(summary["pending"], .int(0), sync.stdout)
        XCTAssertEqual(summary["still_pending"], .int(0), sync.stdout)
        // 240 change sets and four certificates, 10 a page: the pull loop ends when the peer has no more.
        XCTAssertEqual(summary["pull_requests"], .int(Int64((244 + 9) / 10)), sync.stdout)
        try await assertSameState(fresh, as: hub, holding: 244)
    }

    // MARK: Helpers

    /// A key whose node id sorts below `bound`.
    private static func key(below bound: NodeID) -> SigningKey {
        while true {
            let key = SigningKey()
            if key.nodeID < bound { return key }
        }
    }

    /// The hub (stopped) certifies `authors` for `scope` with `trust grant`.
    private func certify(_ authors: [SigningKey], at hub: NodeProcess, scope: String) throws {
        for author in authors {
            let grant = try CLI.run([
                "trust", "grant", "--data", hub.folder.path, "--node", author.nodeID.hex, "--role", "municipality", "--scope", scope,
            ])
            XCTAssertEqual(grant.status, 0, grant.stderr)
        }
    }

    /// Pushes `changeSets` in one request; every one must be stored.
    private func push(_ changeSets: [SignedChangeSet], to node: NodeProcess) async throws {
        let reply = try await node.client().push(changeSets.map(WireChangeSet.init))
        let statuses = Set(reply.value.results.map(\.status))
        XCTAssertEqual(statuses, [.stored], "\(reply.value.results.filter { $0.status != .stored }.prefix(3))")
    }

    /// A freshly initialised node of the network (no change sets), not served.
    private func freshNode(_ network: TestNetwork) throws -> URL {
        let folder = network.root.appendingPathComponent("fresh")
        _ = try NodeDirectory.create(at: folder, name: "Nieuw", role: .municipality, scope: ["GM0716"], root: network.rootKey.nodeID)
        return folder
    }

    /// The node's whole state equals the served node's: log (vector with head ids), register
    /// digest, conflicts, and nothing pending.
    private func assertSameState(_ folder: URL, as peer: NodeProcess, holding count: Int, file: StaticString = #filePath, line: UInt = #line) async throws {
        let store = try NodeDirectory.open(at: folder).openStore(logger: TestNetwork.logger)
        let client = try peer.client()
        let peerVector = try await client.vector().value.heads
        let heads = Dictionary(uniqueKeysWithValues: try store.vector().map { ($0.key.hex, WireHead(seq: $0.value.seq, id: $0.value.id.hex)) })
        XCTAssertEqual(heads, peerVector, "logs", file: file, line: line)
        XCTAssertEqual(try store.changeSetCount(), count, "the log holds every change set", file: file, line: line)
        let peerDigest = try await client.digest().value.digest
        XCTAssertEqual(try store.digest(), peerDigest, "register digest", file: file, line: line)
        let peerConflicts = try await client.get("/v1/conflicts", as: ConflictsResponse.self).value.conflicts
        XCTAssertEqual(try store.conflicts().count, peerConflicts.count, "conflicts", file: file, line: line)
        XCTAssertEqual(try store.pendingCount(), 0, "nothing pending", file: file, line: line)
    }
}

/// Chains of several certified authors, each change set creating an initiative (so the
/// register changes with every one) and depending on the author's certificate.
struct ChainSet {
    private(set) var all: [SignedChangeSet] = []
    private let keys: [SigningKey]
    private let certificate: [NodeID: Int64]
    private var heads: [SignedChangeSet?]
    private var clock = LocalAuthor.systemMilliseconds() - 3_600_000

    /// Chains for `keys`, whose certificates `store` holds.
    init(_ keys: [SigningKey], certifiedAt store: NodeStore) throws {
        self.keys = keys
        var certificate: [NodeID: Int64] = [:]
        for key in keys {
            guard let held = try store.certificates(of: key.nodeID).first(where: { !$0.isWithdrawn }) else {
                throw NetworkTestError.timedOut("no certificate of \(key.nodeID.hex) in the store")
            }
            certificate[held.carrier.author] = max(certificate[held.carrier.author] ?? 0, held.carrier.seq)
        }
        self.certificate = certificate
        heads = Array(repeating: nil, count: keys.count)
    }

    /// Appends the next change set of author `index`: it depends on the certificate and, when
    /// asked, on the latest change set of every other author.
    mutating func next(_ index: Int, dependingOnOthers: Bool = false) {
        clock += 1
        var deps = certificate
        if dependingOnOthers {
            for (other, head) in heads.enumerated() where other != index {
                if let head { deps[head.changeSet.author] = head.changeSet.seq }
            }
        }
        let key = keys[index]
        let previous = heads[index]
        let record = RecordKey(type: "initiative", id: UUID().uuidString.lowercased())
        let changeSet = ChangeSet(
            realm: NodeInfo.defaultRealm, author: key.nodeID, seq: (previous?.changeSet.seq ?? 0) + 1, prev: previous?.id,
            hlc: HLCTimestamp(milliseconds: clock, counter: 0), deps: deps,
            ops: [
                .set(SetOperation(record: record, field: "municipality", value: .string("GM0718"))),
                .set(SetOperation(record: record, field: "name", value: .string("Initiatief \(all.count + 1)"))),
            ])
        let signed = changeSet.signed(with: key)
        heads[index] = signed
        all.append(signed)
    }
}
