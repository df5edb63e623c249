import Foundation
import MAEXClient
import MAEXCore
import MAEXNode
import MAEXStore
import MAEXWire
import XCTest

/// `maex-node backup` and `restore` through the real binary: a backup taken while the hub
/// serves, the hub restored to it after it authored more, refusing to edit until it learned its
/// own head from a peer, and the network converging again with no fork anywhere.
final class NetworkBackupRestoreTests: XCTestCase {
    private var network: TestNetwork?

    override func tearDown() {
        network?.stopAll()
        network = nil
        super.tearDown()
    }

    func testHubRestoredToAnOlderBackupConvergesWithoutReusingItsSequenceNumbers() async throws {
        let network = try TestNetwork()
        self.network = network
        let hub = try network.addNode("zeeland", role: .province, scope: ["PV29"])
        let town = try network.addNode("vlissingen", role: .municipality, scope: ["GM0718"])
        _ = try CLINode(folder: hub.folder).add("Repair Café Tholen", municipality: "GM0716")
        try await hub.start(["--peer", town.url, "--sync-interval", "0.2"])
        try await town.start(["--peer", hub.url, "--sync-interval", "0.2"])
        let hubID = try NodeDirectory.open(at: hub.folder).nodeID.hex
        try await Self.waitUntil(town, holds: hubID, seq: 1)

        // A backup while both nodes serve and sync.
        let file = network.root.appendingPathComponent("zeeland.maexbak").path
        let backup = try CLI.run(["backup", "--data", hub.folder.path, "--out", file])
        XCTAssertEqual(backup.status, 0, backup.stderr)
        XCTAssertTrue(backup.lines.first?.contains("own head seq 1, verified ok") ?? false, backup.stdout)
        let served = try await hub.client().digest().value.digest
        XCTAssertEqual(backup.lines.last, "digest \(served)", "the backup holds what the hub serves")
        let again = try CLI.run(["backup", "--data", hub.folder.path, "--out", file])
        XCTAssertEqual(again.status, 1)
        XCTAssertTrue(again.stderr.contains("exists already"), again.stderr)

        // After the backup the hub authors two more change sets, which reach the town.
        let token = try XCTUnwrap(try AdminToken.read(in: hub.folder))
        for name in ["Buurtmoestuin Tholen", "Voedselbank Tholen"] {
            let answer = try await Self.create(name, on: hub, token: token)
            XCTAssertEqual(answer.status, 201, String(decoding: answer.body, as: UTF8.self))
        }
        try await Self.waitUntil(town, holds: hubID, seq: 3)

        let busy = try CLI.run(["restore", file, "--data", hub.folder.path])
        XCTAssertEqual(busy.status, 1, "no restore into a served folder")
        XCTAssertTrue(busy.stderr.contains("cannot restore into \(hub.folder.path)"), busy.stderr)

        // The hub's disk is lost: it is restored to the backup, which lacks seq 2 and 3.
        hub.stop()
        let restored = try CLI.run(["restore", file, "--data", hub.folder.path])
        XCTAssertEqual(restored.status, 0, restored.stderr)
        XCTAssertTrue(restored.stdout.contains("own head seq 1, verified ok"), restored.stdout)
        XCTAssertTrue(restored.stdout.contains("digest \(served)"), restored.stdout)
        XCTAssertEqual(try NodeDirectory.open(at: hub.folder).openStore(logger: TestNetwork.logger).vector()[NodeID(hex: hubID)]?.seq, 1)
        let offline = try CLINode(folder: hub.folder).run("initiative", "add", "--name", "Speeltuin", "--municipality", "GM0716")
        XCTAssertEqual(offline.status, 1, "a restored node does not author before it learned its head")
        XCTAssertTrue(offline.stderr.contains("restored at") && offline.stderr.contains("sync"), offline.stderr)

        // Served without peers it still refuses edits over HTTP (the town may push to it).
        try await hub.start()
        let refused = try await Self.create("Speeltuin Tholen", on: hub, token: token)
        XCTAssertEqual(refused.status, 503)
        XCTAssertTrue(String(decoding: refused.body, as: UTF8.self).contains("own_head_unconfirmed"))
        let flagged = try await Self.metrics(of: hub)
        XCTAssertTrue(flagged.contains("maex_node_own_head_unconfirmed 1"), flagged)
        hub.stop()

        // Served with its peer, its first round brings its own chain back; then it edits again.
        try await hub.start(["--peer", town.url, "--sync-interval", "0.2"])
        let marker = hub.folder.appendingPathComponent(RestoreMarker.fileName).path
        try await TestNetwork.wait(timeout: .seconds(30), "the restore mark is cleared") { !FileManager.default.fileExists(atPath: marker) }
        let metrics = try await Self.metrics(of: hub)
        XCTAssertTrue(metrics.contains("maex_node_own_head_unconfirmed 0"), metrics)
        XCTAssertTrue(metrics.contains("maex_sync_last_success_timestamp_seconds{peer=\"\(town.url)\"}"), metrics)
        XCTAssertTrue(metrics.contains("maex_store_forked_authors 0"), metrics)
        let vector = try await TestNetwork.vector(of: hub)
        XCTAssertEqual(vector[hubID], 3, "the hub learned its own seq 2 and 3 back")
        let edit = try await Self.create("Speeltuin Tholen", on: hub, token: token)
        XCTAssertEqual(edit.status, 201, String(decoding: edit.body, as: UTF8.self))
        let answer = try JSONDecoder().decode(EditResponse.self, from: edit.body)
        XCTAssertEqual(answer.changeSet.seq, 4, "the next edit continues the chain")
        try await Self.waitUntil(town, holds: hubID, seq: 4)
        let digests = [try await hub.client().digest().value.digest, try await town.client().digest().value.digest]
        XCTAssertEqual(digests[0], digests[1])

        hub.stop()
        town.stop()
        for name in ["zeeland", "vlissingen"] {
            let store = try network.open(name).store
            XCTAssertEqual(try store.forks(), [], "\(name) recorded no fork")
            XCTAssertEqual(try store.verify(), [], name)
            XCTAssertEqual(try store.digest(), digests[0], name)
        }
    }

    func testRestoreRefusesAnotherNodesBackupAndAFileThatIsNoBackup() throws {
        let network = try TestNetwork()
        self.network = network
        let hub = try network.addNode("zeeland", role: .province, scope: ["PV29"])
        let town = try network.addNode("vlissingen", role: .municipality, scope: ["GM0718"])
        _ = try CLINode(folder: hub.folder).add("Repair Café Tholen", municipality: "GM0716")
        _ = try CLINode(folder: town.folder).add("Repair Café Vlissingen")
        let file = network.root.appendingPathComponent("zeeland.maexbak").path
        XCTAssertEqual(try CLI.run(["backup", "--data", hub.folder.path, "--out", file]).status, 0)
        let before = try CLINode(folder: town.folder).run("digest").stdout

        let foreign = try CLI.run(["restore", file, "--data", town.folder.path])
        XCTAssertEqual(foreign.status, 1)
        XCTAssertTrue(foreign.stderr.contains("it is a backup of node") && foreign.stderr.contains("(zeeland)"), foreign.stderr)
        let junk = network.root.appendingPathComponent("junk.maexbak")
        try Data("not a database, just text that is long enough to look like a file".utf8).write(to: junk)
        let notBackup = try CLI.run(["restore", junk.path, "--data", town.folder.path])
        XCTAssertEqual(notBackup.status, 1)
        XCTAssertTrue(notBackup.stderr.contains("not an SQLite database"), notBackup.stderr)
        let plainStore = town.folder.appendingPathComponent(NodeDirectory.storeFileName).path
        let unlabelled = try CLI.run(["restore", plainStore, "--data", hub.folder.path])
        XCTAssertEqual(unlabelled.status, 1)
        XCTAssertTrue(unlabelled.stderr.contains("is not a backup made by `maex-node backup`"), unlabelled.stderr)

        let missing = network.root.appendingPathComponent("no-such.maexbak").path
        let absent = try CLI.run(["restore", missing, "--data", town.folder.path])
        XCTAssertEqual(absent.status, 1)
        XCTAssertTrue(absent.stderr.contains("\(missing) cannot be restored here: it does not exist"), absent.stderr)
        let nowhere = network.root.appendingPathComponent("no-such-folder/x.maexbak").path
        let unwritable = try CLI.run(["backup", "--data", town.folder.path, "--out", nowhere])
        XCTAssertEqual(unwritable.status, 1)
        XCTAssertTrue(unwritable.stderr.contains("the folder does not exist"), unwritable.stderr)

        XCTAssertEqual(try CLINode(folder: town.folder).run("digest").stdout, before, "a refused restore changes nothing")
        XCTAssertFalse(FileManager.default.fileExists(atPath: town.folder.appendingPathComponent(RestoreMarker.fileName).path))
        XCTAssertEqual(try CLINode(folder: town.folder).add("Buurtmoestuin").isEmpty, false, "the town still edits")
    }

    func testOneSyncCommandLetsARestoredNodeEditAgain() async throws {
        let network = try TestNetwork()
        self.network = network
        let hub = try network.addNode("zeeland", role: .province, scope: ["PV29"])
        let town = try network.addNode("vlissingen", role: .municipality, scope: ["GM0718"])
        let file = network.root.appendingPathComponent("zeeland.maexbak").path
        XCTAssertEqual(try CLI.run(["backup", "--data", hub.folder.path, "--out", file]).status, 0)
        _ = try CLINode(folder: hub.folder).add("Repair Café Tholen", municipality: "GM0716")
        try await town.start()
        XCTAssertEqual(try CLI.run(["sync", "--data", hub.folder.path, "--peer", town.url, "--quiet"]).status, 0)
        town.stop()

        let restored = try CLI.run(["restore", file, "--data", hub.folder.path])
        XCTAssertEqual(restored.status, 0, restored.stderr)
        XCTAssertTrue(restored.stdout.contains("own head seq 0"), restored.stdout)
        let refused = try CLINode(folder: hub.folder).run("initiative", "add", "--name", "Speeltuin", "--municipality", "GM0716")
        XCTAssertEqual(refused.status, 1, refused.stdout)
        try await town.start()
        let synced = try CLI.run(["sync", "--data", hub.folder.path, "--peer", town.url, "--quiet"])
        XCTAssertEqual(synced.status, 0, synced.stderr)
        XCTAssertTrue(synced.stdout.contains("own head confirmed by \(town.url)"), synced.stdout)
        town.stop()
        let (directory, store) = try network.open("zeeland")
        XCTAssertEqual(try store.vector()[directory.nodeID]?.seq, 1, "the hub pulled its seq 1 back from the town")
        let again = try CLINode(folder: hub.folder).run("initiative", "add", "--name", "Speeltuin", "--municipality", "GM0716")
        XCTAssertEqual(again.status, 0, again.stderr)
        XCTAssertEqual(try store.vector()[directory.nodeID]?.seq, 2, "and continued its chain")
        XCTAssertEqual(try store.forks(), [])
        XCTAssertEqual(try store.verify(), [])
    }

    /// Creates an initiative through the hub's JSON write API.
    private static func create(_ name: String, on node: NodeProcess, token: String) async throws -> HTTPResponseData {
        let transport = try HTTPTransport(peer: PeerURL(node.url), configuration: TestNetwork.quickTransport, logger: TestNetwork.logger)
        let body = #"{"name": "\#(name)", "municipality": "GM0716", "sdgs": [11]}"#
        return try await transport.send(HTTPRequestSpec(
            method: .post, path: "/v1/initiatives", headers: [HTTPHeader(name: "Authorization", value: "Bearer \(token)")],
            body: Data(body.utf8), contentType: "application/json"))
    }

    /// The node's `/metrics` text.
    private static func metrics(of node: NodeProcess) async throws -> String {
        let transport = try HTTPTransport(peer: PeerURL(node.url), configuration: TestNetwork.quickTransport, logger: TestNetwork.logger)
        return String(decoding: try await transport.send(.get("/metrics")).body, as: UTF8.self)
    }

    /// Waits until `node` holds `author`'s chain up to `seq`.
    private static func waitUntil(_ node: NodeProcess, holds author: String, seq: Int64) async throws {
        try await TestNetwork.wait(timeout: .seconds(30), "\(node.name) holds \(author.prefix(8)) up to \(seq)") {
            (try? await TestNetwork.vector(of: node))?[author] ?? 0 >= seq
        }
    }
}
