import Foundation
import MAEXClient
import MAEXCore
import MAEXNode
import MAEXStore
import MAEXWire
import XCTest

/// Trust across processes: every node decides alike, however a change set reached it.
final class NetworkTrustTests: XCTestCase {
    private var network: TestNetwork?

    override func tearDown() {
        network?.stopAll()
        network = nil
        super.tearDown()
    }

    /// National, the Zeeland hub, Vlissingen and Tholen, with Vlissingen's first initiative.
    private func zeeland() throws -> (TestNetwork, initiative: RecordKey) {
        let network = try TestNetwork()
        self.network = network
        try network.addNode("national", role: .national, scope: ["NL"])
        try network.addNode("zeeland", role: .province, scope: ["PV29"])
        try network.addNode("vlissingen", role: .municipality, scope: ["GM0718"])
        try network.addNode("tholen", role: .municipality, scope: ["GM0716"])
        let (directory, store) = try network.open("vlissingen")
        let change = try directory.makeAuthor(store: store, logger: TestNetwork.logger)
            .addInitiative(["name": .string("Repair Café Vlissingen"), "municipality": .string("GM0718")])
        return (network, change.record)
    }

    /// A change set signed by the node `name`'s key, continuing its chain, with `deps` on its
    /// certificate and whatever else is given.
    private func forged(by name: String, _ ops: [ChangeOperation], deps: [NodeID: Int64] = [:]) throws -> SignedChangeSet {
        guard let network else { throw NetworkTestError.timedOut("no network") }
        let (directory, store) = try network.open(name)
        var allDeps = deps
        for held in try store.certificates(of: directory.nodeID) { allDeps[held.carrier.author] = held.carrier.seq }
        let head = try store.vector()[directory.nodeID]
        let changeSet = ChangeSet(
            realm: directory.info.realm, author: directory.nodeID, seq: (head?.seq ?? 0) + 1, prev: head?.id,
            hlc: HLCTimestamp(milliseconds: LocalAuthor.systemMilliseconds(), counter: 0), deps: allDeps, ops: ops)
        return changeSet.signed(with: directory.signingKey)
    }

    private func startAll(_ network: TestNetwork) async throws {
        try await network["national"].start()
        try await network["zeeland"].start(["--peer", network["national"].url, "--sync-interval", "0.2"])
        for town in ["vlissingen", "tholen"] {
            try await network[town].start(["--peer", network["zeeland"].url, "--sync-interval", "0.2"])
        }
    }

    private func waitForOneDigest(_ network: TestNetwork, _ names: [String], _ what: String) async throws -> String {
        var digest = ""
        try await TestNetwork.wait(timeout: .seconds(60), what) {
            var digests = Set<String>()
            for name in names { digests.insert(try await network[name].client().digest().value.digest) }
            digest = digests.first ?? ""
            return digests.count == 1
        }
        return digest
    }

    func testUnauthorisedChangeSetsAreRejectedAtTheFirstHopAndAgainAtTheNationalNode() async throws {
        let (network, initiative) = try zeeland()
        let vlissingenID = try network.open("vlissingen").directory.nodeID
        let takeover = try forged(by: "tholen", [.set(SetOperation(record: initiative, field: "name", value: .string("Overgenomen")))], deps: [vlissingenID: 1])
        let otherProvince = RecordKey(type: "initiative", id: UUID().uuidString.lowercased())
        let amsterdam = try forged(by: "zeeland", [
            .set(SetOperation(record: otherProvince, field: "municipality", value: .string("GM0363"))),
            .set(SetOperation(record: otherProvince, field: "name", value: .string("Amsterdams initiatief"))),
        ])
        let tholenKey = try network.open("tholen").directory.signingKey
        let impostorBody = ChangeSet(
            realm: NodeInfo.defaultRealm, author: vlissingenID, seq: 1, prev: nil, hlc: HLCTimestamp(milliseconds: LocalAuthor.systemMilliseconds(), counter: 0),
            ops: [.set(SetOperation(record: initiative, field: "name", value: .string("Gekaapt")))])
        let impostor = WireChangeSet(body: String(decoding: impostorBody.canonicalBytes, as: UTF8.self), sig: Base64.encode(tholenKey.sign(impostorBody.canonicalBytes)))
        let fakeRoot = SigningKey()
        let fakeHub = SigningKey()
        let fakeGrant = ChangeSet(
            realm: NodeInfo.defaultRealm, author: fakeRoot.nodeID, seq: 1, prev: nil, hlc: HLCTimestamp(milliseconds: LocalAuthor.systemMilliseconds(), counter: 0),
            ops: [.trust(.grant(Grant(node: fakeHub.nodeID, role: .province, scope: ["PV29"])))]).signed(with: fakeRoot)

        try await startAll(network)
        let before = try await waitForOneDigest(network, ["national", "zeeland", "vlissingen", "tholen"], "the network to converge")
        // Vlissingen's own initiative reached the national node through the hub.
        try await TestNetwork.wait(timeout: .seconds(30), "Vlissingen's initiative at the national node") {
            try await TestNetwork.register(of: network["national"]).contains { $0.id == initiative.id }
        }
        let attempts = [WireChangeSet(takeover), WireChangeSet(amsterdam), impostor, WireChangeSet(fakeGrant)]
        let expected = ["GM0718", "GM0363", "signature", "no certificate"]
        for target in ["zeeland", "national"] {
            let results = try await network[target].client().push(attempts).value.results
            XCTAssertEqual(results.map(\.status), [.rejected, .rejected, .rejected, .rejected], "\(target): \(results)")
            for (result, mention) in zip(results, expected) {
                XCTAssertTrue(result.reason?.contains(mention) ?? false, "\(target): \(result.reason ?? "") should mention \(mention)")
            }
        }
        // A node outside the network may read the sync state but not push.
        let outsider = try network["national"].outsiderClient()
        let heads = try await outsider.vector().value.heads
        XCTAssertFalse(heads.isEmpty)
        do {
            _ = try await outsider.push([WireChangeSet(takeover)])
            XCTFail("a push from outside the network is refused")
        } catch {
            XCTAssertTrue("\(error)".contains("403"), "\(error)")
        }
        try await Task.sleep(for: .seconds(1))
        for name in ["national", "zeeland", "vlissingen", "tholen"] {
            let digest = try await network[name].client().digest().value.digest
            XCTAssertEqual(digest, before, "\(name)'s register is unchanged")
        }
        let quarantine = try await network["national"].client().get("/v1/quarantine", as: QuarantineResponse.self).value
        XCTAssertGreaterThanOrEqual(quarantine.entries.count, 4, "the refusals are kept with their reasons")
    }

    func testRevocationReachesANodeThatWasOfflineAndEveryNodeEndsWithTheSameRegister() async throws {
        let (network, first) = try zeeland()
        do {
            let (directory, store) = try network.open("vlissingen")
            let author = directory.makeAuthor(store: store, logger: TestNetwork.logger)
            for name in ["Voedselbank Vlissingen", "Taalcafé De Kade"] {
                try author.addInitiative(["name": .string(name), "municipality": .string("GM0718")])
            }
        }
        try await startAll(network)
        let all = ["national", "zeeland", "vlissingen", "tholen"]
        _ = try await waitForOneDigest(network, all, "the network to converge")
        try await TestNetwork.wait(timeout: .seconds(30), "Tholen to hold Vlissingen's three initiatives") {
            try await TestNetwork.register(of: network["tholen"]).count == 3
        }
        network["tholen"].stop()

        // The root (which certified Vlissingen here) revokes it from its third change set (its
        // third initiative).
        // (The three are restarted so that no replicator waits out a back-off meanwhile.)
        for name in ["vlissingen", "zeeland", "national"] { network[name].stop() }
        let vlissingenID = try network.open("vlissingen").directory.nodeID
        let revoke = try CLI.run(["trust", "revoke", "--node", vlissingenID.hex, "--from-seq", "3", "--data", network["national"].folder.path])
        XCTAssertEqual(revoke.status, 0, revoke.stderr)
        try await network["national"].start()
        try await network["zeeland"].start(["--peer", network["national"].url, "--sync-interval", "0.2"])
        try await network["vlissingen"].start(["--peer", network["zeeland"].url, "--sync-interval", "0.2"])
        let online = try await waitForOneDigest(network, ["national", "zeeland", "vlissingen"], "the revocation to spread")
        let names = try await TestNetwork.register(of: network["national"]).map(\.id)
        XCTAssertEqual(names.count, 2, "the initiative of sequence 3 is retracted, those before stay: \(names)")
        XCTAssertTrue(names.contains(first.id))

        // Tholen comes back weeks later and learns of it.
        try await network["tholen"].start(["--peer", network["zeeland"].url, "--sync-interval", "0.2"])
        let final = try await waitForOneDigest(network, all, "Tholen to catch up")
        XCTAssertEqual(final, online)
        network.stopAll(removeFiles: false)
        for name in all {
            let (_, store) = try network.open(name)
            XCTAssertEqual(try store.verify(), [], name)
            XCTAssertEqual(try store.retractions().keys.map(\.seq), [3], name)
        }
        let log = try CLINode(folder: network["tholen"].folder).run("log").lines
        XCTAssertEqual(log.filter { $0.hasPrefix(vlissingenID.hex) && $0.contains("retracted (its author is revoked from sequence 3)") }.count, 1, "\(log)")
    }

    func testAForkedAuthorIsDetectedWithinOneSyncRoundAndQuarantinedWithEvidence() async throws {
        let (network, initiative) = try zeeland()
        let town = network["vlissingen"]
        let backup = network.root.appendingPathComponent("vlissingen-backup")
        try FileManager.default.copyItem(at: town.folder, to: backup)
        try CLINode(folder: town.folder).run("initiative", "set", initiative.id, "volunteers", "12").assertSuccess()
        try await network["national"].start()
        try await network["zeeland"].start(["--peer", network["national"].url, "--sync-interval", "0.2"])
        let first = try CLI.run(["sync", "--data", town.folder.path, "--peer", network["zeeland"].url])
        XCTAssertEqual(first.status, 0, first.stderr)

        // The node is restored from the backup and edits again: a second change set at sequence 2.
        try FileManager.default.removeItem(at: town.folder)
        try FileManager.default.moveItem(at: backup, to: town.folder)
        try CLINode(folder: town.folder).run("initiative", "set", initiative.id, "volunteers", "30").assertSuccess()
        let round = try CLI.run(["sync", "--data", town.folder.path, "--peer", network["zeeland"].url, "--json"])
        XCTAssertEqual(round.status, 0, round.stderr)
        XCTAssertTrue(round.stdout.contains("\"forks\":1"), round.stdout)

        let hubQuarantine = try await network["zeeland"].client().get("/v1/quarantine", as: QuarantineResponse.self).value
        let fork = try XCTUnwrap(hubQuarantine.forks.first, "the hub holds the evidence after one round")
        XCTAssertEqual(fork.seq, 2)
        XCTAssertNotEqual(fork.held.body, fork.other.body)
        let (_, store) = try network.open("vlissingen")
        let local = try store.forks()
        XCTAssertEqual(local.map(\.seq), [2], "the restored node holds the evidence too")
        XCTAssertEqual(try store.forkedAuthors().values.first, 2)
        let log = try CLINode(folder: town.folder).run("log").lines
        XCTAssertTrue(log.contains { $0.hasPrefix("fork ") && $0.contains(" #2 held ") }, "\(log)")
        XCTAssertTrue(log.contains { $0.contains(" #2 ") && $0.hasSuffix("retracted (author forked at sequence 2)") }, "\(log)")
    }
}

extension CLIResult {
    /// Fails the test unless the command succeeded.
    func assertSuccess(file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(status, 0, stderr, file: file, line: line)
    }
}
