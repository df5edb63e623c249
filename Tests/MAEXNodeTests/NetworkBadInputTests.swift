import Foundation
import MAEXClient
import MAEXCore
import MAEXNode
import MAEXWire
import XCTest

/// Garbage on the sync endpoints gets a 4xx with a reason, changes nothing, and the node keeps
/// serving.
final class NetworkBadInputTests: XCTestCase {
    private var network: TestNetwork?

    override func tearDown() {
        network?.stopAll()
        network = nil
        super.tearDown()
    }

    func testBadPushesAndPullsAreRefusedWithAReasonAndTheNodeKeepsServing() async throws {
        let network = try TestNetwork()
        self.network = network
        let node = try network.addNode("zeeland", role: .province, scope: ["PV29"])
        do {
            let (directory, store) = try network.open("zeeland")
            try BulkData.addInitiatives(3, by: directory.signingKey, into: store, municipality: "GM0716")
        }
        try await node.start()
        let client = try node.client()
        let digest = try await client.digest().value.digest
        let valid = try await client.pull(PullRequest(vector: [:])).value.changesets
        XCTAssertEqual(valid.count, 4, "the node's certificate and its three initiatives")
        let validPush = String(decoding: try JSONEncoder().encode(PushRequest(changesets: valid)), as: UTF8.self)

        let cases: [(String, String, Data, String?)] = [
            ("garbage", "/v1/sync/push", Data([0xff, 0x00, 0x13, 0x37] + Array("not json at all".utf8)), "application/json"),
            ("truncated JSON", "/v1/sync/push", Data(validPush.prefix(validPush.count / 2).utf8), "application/json"),
            ("wrong shape", "/v1/sync/push", Data(#"{"changesets": 5}"#.utf8), "application/json"),
            ("empty body", "/v1/sync/push", Data(), "application/json"),
            ("wrong content type", "/v1/sync/push", Data(validPush.utf8), "text/plain"),
            ("form content type", "/v1/sync/pull", Data("vector=1".utf8), "application/x-www-form-urlencoded"),
            ("huge body", "/v1/sync/push", Data(repeating: UInt8(ascii: " "), count: 9 << 20), "application/json"),
            ("garbage pull", "/v1/sync/pull", Data("[1,2,3".utf8), "application/json"),
            ("negative vector", "/v1/sync/pull", Data(#"{"vector": {"zz": "x"}}"#.utf8), "application/json"),
        ]
        for (name, path, body, contentType) in cases {
            var request = HTTPRequestSpec(method: .post, path: path, body: body, contentType: contentType, isIdempotent: true)
            request.timeout = .seconds(30)
            let response = try await client.transport.send(request)
            XCTAssertTrue((400..<500).contains(response.status), "\(name): status \(response.status)")
            let error = try? JSONDecoder().decode(ErrorBody.self, from: response.body)
            XCTAssertNotNil(error, "\(name): an error body, got \(String(decoding: response.body.prefix(200), as: UTF8.self))")
            XCTAssertFalse(error?.error.code.isEmpty ?? true, "\(name): a stable code")
            XCTAssertFalse(error?.error.message.isEmpty ?? true, "\(name): a reason")
            let health = try await client.health()
            XCTAssertEqual(health.value.status, "ok", "\(name): the node still serves")
        }

        // A well-formed push of change sets that are not signed change sets: each refused with a reason.
        let forged = [
            WireChangeSet(body: "{}", sig: "AAAA"),
            WireChangeSet(body: valid[0].body, sig: "not base64!"),
            WireChangeSet(body: valid[0].body + " ", sig: valid[0].sig),
        ]
        let answer = try await client.push(forged).value
        XCTAssertEqual(answer.results.map(\.status), [.rejected, .rejected, .rejected])
        XCTAssertTrue(answer.results.allSatisfy { !($0.reason ?? "").isEmpty })

        let after = try await client.digest().value.digest
        XCTAssertEqual(after, digest, "nothing changed")
        let stillServing = try await client.pull(PullRequest(vector: [:])).value.changesets
        XCTAssertEqual(stillServing, valid)
    }
}
