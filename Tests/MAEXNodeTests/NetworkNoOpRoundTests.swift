import Foundation
import MAEXCore
import MAEXClient
import MAEXNode
import MAEXWire
import XCTest

/// Two synced nodes holding 10,000 initiatives: a sync round between them moves nothing and
/// costs one small request.
final class NetworkNoOpRoundTests: XCTestCase {
    private var network: TestNetwork?

    override func tearDown() {
        network?.stopAll()
        network = nil
        super.tearDown()
    }

    func testNoOpRoundIsOneRequestUnderTwoKilobytesEachWay() async throws {
        let template = try BulkTemplate.tenThousand()
        let network = try TestNetwork(root: template.root)
        self.network = network
        let hub = try network.addNode("zeeland", role: .province, scope: ["PV29"])
        let town = try network.addNode("vlissingen", role: .municipality, scope: ["GM0718"])
        // Both hold the same 10,000 initiatives from two authors (and the same certificates): they are in sync.
        for node in [hub, town] {
            try BulkTemplate.install(template, into: node.folder)
            try network.enroll(node.folder)
        }
        try await hub.start()
        let held = try await TestNetwork.register(of: hub)
        XCTAssertEqual(held.count, 10_000, "the hub serves 10,000 initiatives")

        let second = try CLI.run(["sync", "--data", town.folder.path, "--peer", hub.url, "--json"])
        XCTAssertEqual(second.status, 0, second.stderr)
        let noOp = try syncLine(second)
        XCTAssertEqual(noOp["pulled"], .int(0))
        XCTAssertEqual(noOp["pushed"], .int(0))
        XCTAssertEqual(noOp["requests"], .int(1), "a no-op round is one pull request and its answer")
        XCTAssertEqual(noOp["push_requests"], .int(0))
        let bytesOut = try XCTUnwrap(noOp["bytes_out"]?.intValue)
        let bytesIn = try XCTUnwrap(noOp["bytes_in"]?.intValue)
        XCTAssertGreaterThan(bytesOut, 100, "the request was counted")
        XCTAssertGreaterThan(bytesIn, 100, "the answer was counted")
        XCTAssertLessThan(bytesOut, 2048, "request bytes of a no-op round")
        XCTAssertLessThan(bytesIn, 2048, "response bytes of a no-op round")

        let hubDigest = try await hub.client().digest().value.digest
        let townDigest = try CLI.run(["digest", "--data", town.folder.path])
        XCTAssertEqual(townDigest.stdout.trimmingCharacters(in: .whitespacesAndNewlines), hubDigest)
    }

    private func syncLine(_ result: CLIResult) throws -> [String: JSONValue] {
        let line = try XCTUnwrap(result.lines.last, "sync printed nothing")
        guard case .object(let members) = try JSONValue(canonicalBytes: Array(line.utf8)) else {
            throw NetworkTestError.timedOut("sync --json printed no object: \(line)")
        }
        XCTAssertEqual(members["ok"], .bool(true), line)
        return members
    }
}
