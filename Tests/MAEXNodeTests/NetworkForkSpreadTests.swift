import Foundation
import MAEXClient
import MAEXCore
import MAEXNode
import MAEXStore
import MAEXWire
import XCTest

/// Fork evidence reaches every node, also those that hold the same branch as the node that saw
/// both change sets, in lines and stars, with nodes offline during the fork (issue M, hole 2).
final class NetworkForkSpreadTests: XCTestCase {
    private var network: TestNetwork?

    override func tearDown() {
        network?.stopAll()
        network = nil
        super.tearDown()
    }

    private enum Shape { case line, star }

    /// National, the Zeeland hub and Zeeland municipalities, `count` nodes in all.
    private static let names = ["national", "zeeland", "vlissingen", "tholen", "borsele"]

    func testForkArrivingAtTheHubOfALineOfThreeReachesEveryNode() async throws {
        let (network, forker) = try makeNetwork(count: 3)
        try await start(network, count: 3, .line)
        try await spreadFirstBranch(forker, via: network["vlissingen"], count: 3)
        let before = try await digests(network, count: 3)
        XCTAssertEqual(Set(before.values).count, 1, "one state before the fork")

        let result = try await push([forker.change(2, name: "Tak B")], to: network["zeeland"])
        XCTAssertEqual(result, ["fork"], "the hub sees both change sets")
        let after = try await waitForForkEverywhere(network, count: 3, author: forker.id)
        XCTAssertNotEqual(after, before["zeeland"], "the retraction changed the register")
    }

    func testForkArrivingAtALeafOfALineOfFiveReachesEveryNodeWhenTheNodeBetweenWasOffline() async throws {
        let (network, forker) = try makeNetwork(count: 5)
        try await start(network, count: 5, .line)
        try await spreadFirstBranch(forker, via: network["national"], count: 5)
        let before = try await digests(network, count: 5)

        network["tholen"].stop()
        let forked = try await push([forker.change(2, name: "Tak B")], to: network["borsele"])
        XCTAssertEqual(forked, ["fork"])
        try await Task.sleep(for: .seconds(1))
        try await start(network, names: ["tholen"], .line)
        let after = try await waitForForkEverywhere(network, count: 5, author: forker.id)
        XCTAssertNotEqual(after, before["national"])
    }

    func testForkArrivingAtALeafOfAStarOfFiveReachesEveryNodeIncludingOneOfflineDuringTheFork() async throws {
        let (network, forker) = try makeNetwork(count: 5)
        try await start(network, count: 5, .star)
        try await spreadFirstBranch(forker, via: network["zeeland"], count: 5)
        let before = try await digests(network, count: 5)

        network["tholen"].stop()
        let forked = try await push([forker.change(2, name: "Tak B")], to: network["vlissingen"])
        XCTAssertEqual(forked, ["fork"])
        try await TestNetwork.wait(timeout: .seconds(60), "the hub learns the fork from the leaf") {
            try await !network["zeeland"].client().get("/v1/quarantine", as: QuarantineResponse.self).value.forks.isEmpty
        }
        try await start(network, names: ["tholen"], .star)
        let after = try await waitForForkEverywhere(network, count: 5, author: forker.id)
        XCTAssertNotEqual(after, before["zeeland"])
    }

    func testBothChangeSetsOfOneSequenceInOnePushToTheHubReachEveryNode() async throws {
        let (network, forker) = try makeNetwork(count: 3)
        try await start(network, count: 3, .line)
        let first = try await push([forker.change(1, name: "Begin")], to: network["zeeland"])
        XCTAssertEqual(first, ["stored"])
        let results = try await push([forker.change(2, name: "Tak A"), forker.change(2, name: "Tak B")], to: network["zeeland"])
        XCTAssertEqual(results, ["stored", "fork"])
        // The proof travels ahead of branch A: the other nodes refuse sequence 2 (rule 7.1).
        _ = try await waitForForkEverywhere(network, count: 3, author: forker.id, heads: ["national": 1, "vlissingen": 1])
    }

    // MARK: Helpers

    /// The nodes and a certified author (its folder never serves) whose change sets the test
    /// writes and pushes itself.
    private func makeNetwork(count: Int) throws -> (TestNetwork, ForkingAuthor) {
        let network = try TestNetwork()
        self.network = network
        try network.addNode("national", role: .national, scope: ["NL"])
        try network.addNode("zeeland", role: .province, scope: ["PV29"])
        let codes = ["GM0718", "GM0716", "GM0654"]
        for (index, name) in Self.names.enumerated().dropFirst(2).prefix(count - 2) {
            try network.addNode(name, role: .municipality, scope: [codes[index - 2]])
        }
        try network.addNode("forker", role: .municipality, scope: ["GM0718"])
        let (directory, store) = try network.open("forker")
        return (network, try ForkingAuthor(directory: directory, store: store))
    }

    /// Starts the nodes: in a line each syncs with the one before it, in a star every node
    /// with the hub and the hub with the national node.
    private func start(_ network: TestNetwork, count: Int, _ shape: Shape) async throws {
        try await start(network, names: Array(Self.names.prefix(count)), shape)
    }

    private func start(_ network: TestNetwork, names: [String], _ shape: Shape) async throws {
        for name in names {
            guard let index = Self.names.firstIndex(of: name) else { continue }
            var arguments = ["--sync-interval", "0.2"]
            if index > 0 {
                let peer = shape == .line || index == 1 ? Self.names[index - 1] : "zeeland"
                arguments += ["--peer", network[peer].url]
            }
            try await network[name].start(arguments)
        }
    }

    /// The author's first two change sets (branch A) reach every node.
    private func spreadFirstBranch(_ forker: ForkingAuthor, via node: NodeProcess, count: Int) async throws {
        let results = try await push([forker.change(1, name: "Begin"), forker.change(2, name: "Tak A")], to: node)
        XCTAssertEqual(results, ["stored", "stored"])
        guard let network else { return }
        try await TestNetwork.wait(timeout: .seconds(60), "branch A reaches every node") {
            for name in Self.names.prefix(count) where try await TestNetwork.vector(of: network[name])[forker.id.hex] != 2 {
                return false
            }
            return true
        }
    }

    private func push(_ changeSets: [SignedChangeSet], to node: NodeProcess) async throws -> [String] {
        try await node.client().push(changeSets.map(WireChangeSet.init)).value.results.map(\.status.rawValue)
    }

    private func digests(_ network: TestNetwork, count: Int) async throws -> [String: String] {
        var digests: [String: String] = [:]
        for name in Self.names.prefix(count) { digests[name] = try await network[name].client().digest().value.digest }
        return digests
    }

    /// Waits until every node holds the fork's evidence at sequence 2 and all show one
    /// register (digest and conflicts); returns the digest. Every node holds the forked
    /// author's chain up to sequence 2 unless `heads` says otherwise (a node that learnt the
    /// fork before branch A reached it holds sequence 1 only: PROTOCOL.md section 10).
    private func waitForForkEverywhere(
        _ network: TestNetwork, count: Int, author: NodeID, heads: [String: Int64] = [:]
    ) async throws -> String {
        let names = Array(Self.names.prefix(count))
        var digest = ""
        try await TestNetwork.wait(timeout: .seconds(90), "every node knows the fork and shows one register") {
            var seen = Set<String>()
            for name in names {
                let client = try network[name].client()
                let forks = try await client.get("/v1/quarantine", as: QuarantineResponse.self).value.forks
                guard forks.contains(where: { $0.author == author.hex && $0.seq == 2 }) else { return false }
                seen.insert(try await client.digest().value.digest)
            }
            digest = seen.first ?? ""
            return seen.count == 1
        }
        var conflicts = Set<[WireConflict]>()
        for name in names {
            conflicts.insert(try await network[name].client().get("/v1/conflicts", as: ConflictsResponse.self).value.conflicts)
        }
        XCTAssertEqual(conflicts.count, 1, "one set of conflicts")
        for name in names {
            let vector = try await TestNetwork.vector(of: network[name])
            XCTAssertEqual(vector[author.hex], heads[name] ?? 2, "\(name) holds the forked author's chain as far as expected")
        }
        return digest
    }
}

/// A certified author that signs whatever the test asks, twice at one sequence if told.
struct ForkingAuthor {
    let key: SigningKey
    let realm: String
    let deps: [NodeID: Int64]
    let record = RecordKey(type: "initiative", id: "00000000-0000-4000-8000-00000000f0f0")
    private let clock = LocalAuthor.systemMilliseconds() - 600_000

    var id: NodeID { key.nodeID }

    init(directory: NodeDirectory, store: NodeStore) throws {
        key = directory.signingKey
        realm = directory.info.realm
        var deps: [NodeID: Int64] = [:]
        for held in try store.certificates(of: directory.nodeID) { deps[held.carrier.author] = held.carrier.seq }
        self.deps = deps
    }

    /// Sequence 1 creates the initiative; sequence 2 (either branch) renames it.
    func change(_ seq: Int64, name: String) -> SignedChangeSet {
        let base = ChangeSet(
            realm: realm, author: key.nodeID, seq: 1, prev: nil, hlc: HLCTimestamp(milliseconds: clock, counter: 0), deps: deps,
            ops: [
                .set(SetOperation(record: record, field: "municipality", value: .string("GM0718"))),
                .set(SetOperation(record: record, field: "name", value: .string("Begin"))),
            ]
        ).signed(with: key)
        guard seq == 2 else { return base }
        return ChangeSet(
            realm: realm, author: key.nodeID, seq: 2, prev: base.id, hlc: HLCTimestamp(milliseconds: clock + Int64(name.count), counter: 0),
            deps: deps, ops: [.set(SetOperation(record: record, field: "name", value: .string(name), pred: [base.changeSet.ref]))]
        ).signed(with: key)
    }
}
