import Foundation
import MAEXClient
import MAEXCore
import MAEXNode
import MAEXStore
import MAEXWire
import XCTest

/// `maex-node sync` as a laptop coming back online uses it: progress on a long transfer, a
/// summary per peer, a clear failure for a peer that is down, and refusal on a served folder.
final class NetworkSyncCommandTests: XCTestCase {
    private var network: TestNetwork?

    override func tearDown() {
        network?.stopAll()
        network = nil
        super.tearDown()
    }

    func testSyncReportsProgressAndFailsClearlyForAPeerThatIsDown() async throws {
        let network = try TestNetwork()
        self.network = network
        let hub = try network.addNode("zeeland", role: .province, scope: ["PV29"])
        let laptop = try network.addNode("vlissingen", role: .municipality, scope: ["GM0718"])
        do {
            let (directory, store) = try network.open("zeeland")
            try BulkData.addInitiatives(2000, by: directory.signingKey, into: store, municipality: "GM0716")
        }
        let local = try CLINode(folder: laptop.folder).add("Repair Café Vlissingen")
        XCTAssertFalse(local.isEmpty)
        try await hub.start()
        let downPort = try FreePort.next()

        let result = try CLI.run(
            ["sync", "--data", laptop.folder.path, "--peer", hub.url, "--peer", "http://127.0.0.1:\(downPort)/", "--pull-count", "250"],
            timeout: 180)
        XCTAssertEqual(result.status, 1, "a failed peer makes the command fail")
        XCTAssertTrue(result.lines.contains { $0.hasPrefix(hub.url) && $0.contains("pulled 2000 (stored 2000") && $0.contains("pushed 1 (stored 1") },
                      "a summary line for the hub:\n\(result.stdout)")
        let progress = result.errorLines.filter { $0.hasPrefix("pulling from \(hub.url)") && $0.contains("/2000 change sets") }
        XCTAssertFalse(progress.isEmpty, "a progress line on a long transfer:\n\(result.stderr)")
        XCTAssertTrue(result.errorLines.contains { $0.contains("maex-node: error: sync with http://127.0.0.1:\(downPort)/ failed") && $0.contains("refused") },
                      "the failed peer is named:\n\(result.stderr)")

        let hubDigest = try await hub.client().digest().value.digest
        let laptopDigest = try CLINode(folder: laptop.folder).run("digest").stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        XCTAssertEqual(laptopDigest, hubDigest, "the round with the reachable peer completed both ways")

        let refused = try CLI.run(["sync", "--data", hub.folder.path, "--peer", laptop.url])
        XCTAssertEqual(refused.status, 1)
        XCTAssertTrue(refused.stderr.contains("a node serves \(hub.folder.path)"), refused.stderr)
        let edit = try CLI.run(["initiative", "add", "--name", "Buurtmoestuin", "--municipality", "GM0716", "--data", hub.folder.path])
        XCTAssertEqual(edit.status, 1, "writing commands are refused while a node serves the folder")
        XCTAssertTrue(edit.stderr.contains("a node serves"), edit.stderr)
    }
}
