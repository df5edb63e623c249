import Foundation
import Hummingbird
import HummingbirdTesting
import MAEXCore
import MAEXStore
import MAEXWire
import XCTest

@testable import MAEXNode

final class ServerMetricsTests: XCTestCase {
    /// The value of a Prometheus sample line whose name and labels start with `prefix`.
    private static func sample(_ text: String, _ prefix: String) -> Double? {
        for line in text.split(separator: "\n") where line.hasPrefix(prefix) {
            if let value = line.split(separator: " ").last.flatMap({ Double($0) }) { return value }
        }
        return nil
    }

    func testMetricsCountRequestsChangeSetsAndStoreSize() async throws {
        let node = try ServerTestNode()
        defer { node.remove() }
        let author = TestAuthor()
        let good = (1...3).map { author.create(initiativeID($0), initiativeFields("Initiatief \($0)")) }
        let tampered = WireChangeSet(
            body: WireChangeSet(good[0]).body.replacingOccurrences(of: "Initiatief", with: "Xnitiatief"), sig: WireChangeSet(good[0]).sig)
        try await node.app().test(.router) { client in
            _ = try await client.execute(uri: "/v1/sync/push", method: .post, headers: jsonHeaders, body: try pushBody(good))
            _ = try await client.execute(uri: "/v1/sync/push", method: .post, headers: jsonHeaders, body: try pushBody([good[0]]))
            _ = try await client.execute(
                uri: "/v1/sync/push", method: .post, headers: jsonHeaders, body: try jsonBody(PushRequest(changesets: [tampered])))
            _ = try await client.execute(
                uri: "/v1/sync/pull", method: .post, headers: jsonHeaders, body: try jsonBody(PullRequest(vector: [:])))
            _ = try await client.execute(uri: "/v1/initiatives/\(initiativeID(1))", method: .get)
            _ = try await client.execute(uri: "/v1/initiatives/\(initiativeID(2))", method: .get)
            _ = try await client.execute(uri: "/no/such/route", method: .get)

            let response = try await client.execute(uri: "/metrics", method: .get)
            XCTAssertEqual(response.status, .ok)
            XCTAssertTrue(response.headers[.contentType]?.hasPrefix("text/plain") ?? false)
            let text = String(buffer: response.body)
            XCTAssertEqual(Self.sample(text, #"maex_http_requests_total{route="/v1/sync/push",method="POST",status="200"}"#), 3, text)
            XCTAssertEqual(Self.sample(text, #"maex_http_requests_total{route="/v1/initiatives/{id}",method="GET",status="200"}"#), 2, text)
            XCTAssertEqual(Self.sample(text, #"maex_http_requests_total{route="NotFound",method="GET",status="404"}"#), 1, text)
            XCTAssertEqual(Self.sample(text, #"maex_http_request_duration_seconds_count{route="/v1/sync/push",method="POST"}"#), 3, text)
            XCTAssertEqual(Self.sample(text, #"maex_changesets_received_total{outcome="stored"}"#), 3, text)
            XCTAssertEqual(Self.sample(text, #"maex_changesets_received_total{outcome="duplicate"}"#), 1, text)
            XCTAssertEqual(Self.sample(text, #"maex_changesets_received_total{outcome="rejected"}"#), 1, text)
            XCTAssertEqual(Self.sample(text, "maex_changesets_served_total"), 3, text)
            XCTAssertEqual(Self.sample(text, "maex_store_changesets"), 3, text)
            XCTAssertEqual(Self.sample(text, "maex_store_pending_changesets"), 0, text)
            XCTAssertGreaterThan(Self.sample(text, "maex_store_file_bytes") ?? 0, 4096, text)
        }
    }
}
