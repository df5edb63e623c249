import Foundation
import Logging
import MAEXClient
import MAEXCore
import MAEXStore
import MAEXWire
import XCTest

@testable import MAEXNode

/// Peer authentication over real HTTP with the libcurl client: signed clients are served,
/// unsigned ones refused, replays refused also when they keep the original `Host`, and a rate
/// limit's `Retry-After` honoured by the client, which signs its retry afresh.
final class PeerAuthLiveTests: XCTestCase {
    static let caller = SigningKey()

    static let logger: Logger = {
        var logger = Logger(label: "test.peerauth.live")
        logger.logLevel = .critical
        return logger
    }()

    /// The live server's settings: signatures required, any host at the bound port.
    static func configuration(_ change: @escaping (inout PeerAuthConfiguration) -> Void = { _ in }) -> NodeServerConfiguration {
        ServerTestNode.configuration {
            $0.peerAuth = PeerAuthConfiguration()
            change(&$0.peerAuth)
        }
    }

    static func client(port: Int, key: SigningKey?, retry: RetryPolicy = .none) throws -> PeerClient {
        try PeerClient(
            url: "http://127.0.0.1:\(port)/", configuration: HTTPTransportConfiguration(retry: retry), logger: logger, signingKey: key)
    }

    /// A push request with signature headers made by hand (as a replaying attacker would send them).
    static func handSignedPush(_ body: Data, authority: String, host: String? = nil) -> HTTPRequestSpec {
        let fields = RequestSigner(key: caller).headers(
            method: "POST", authority: authority, path: "/v1/sync/push", body: Array(body),
            now: Int64(Date().timeIntervalSince1970), nonce: UUID().uuidString)
        var headers = fields.map { HTTPHeader(name: $0.name, value: $0.value) }
        if let host { headers.append(HTTPHeader(name: "Host", value: host)) }
        return .post("/v1/sync/push", body: body, headers: headers, isIdempotent: true)
    }

    func testSignedClientIsServedAndUnsignedClientIsRefused() async throws {
        let node = try ServerTestNode(wallClock: LocalAuthor.systemMilliseconds)
        defer { node.remove() }
        let author = TestAuthor()
        let changeSet = WireChangeSet(author.create(initiativeID(1), initiativeFields("Repair Café")))
        try await withLiveServer(node, Self.configuration()) { port in
            let unsigned = try Self.client(port: port, key: nil)
            do {
                _ = try await unsigned.push([changeSet])
                XCTFail("an unsigned push must be refused")
            } catch let error as PeerError {
                guard case .refused(_, _, let status, let code, _) = error else { return XCTFail("\(error)") }
                XCTAssertEqual(status, 401)
                XCTAssertEqual(code, "signature_missing")
            }
            let health = try await unsigned.health()
            XCTAssertEqual(health.value.status, "ok", "public reads stay open")

            let signed = try Self.client(port: port, key: Self.caller)
            let pushed = try await signed.push([changeSet]).value
            XCTAssertEqual(pushed.results.map(\.status), [.stored])
            let vector = try await signed.vector().value
            XCTAssertEqual(vector.heads[author.id.hex]?.seq, 1)
            let pulled = try await signed.pull(PullRequest(vector: [:])).value
            XCTAssertEqual(pulled.changesets, [changeSet])
        }
        XCTAssertEqual(try node.store.changeSetCount(), 1)
    }

    func testReplaysAreRefusedWithOrWithoutTheOriginalHost() async throws {
        let node = try ServerTestNode(wallClock: LocalAuthor.systemMilliseconds)
        defer { node.remove() }
        let body = try JSONEncoder().encode(PushRequest(changesets: [WireChangeSet(TestAuthor().create(initiativeID(1), initiativeFields("A")))]))
        try await withLiveServer(node, Self.configuration()) { port in
            let raw = try Self.client(port: port, key: nil).transport
            // Captured on its way to another node (port + 1) and sent here, Host and all.
            let elsewhere = "127.0.0.1:\(port + 1)"
            let keptHost = try await raw.send(Self.handSignedPush(body, authority: elsewhere, host: elsewhere))
            XCTAssertEqual(keptHost.status, 401)
            XCTAssertEqual(try JSONDecoder().decode(ErrorBody.self, from: keptHost.body).error.code, "wrong_authority")
            let ownHost = try await raw.send(Self.handSignedPush(body, authority: elsewhere))
            XCTAssertEqual(ownHost.status, 401)
            XCTAssertEqual(try JSONDecoder().decode(ErrorBody.self, from: ownHost.body).error.code, "signature_invalid")

            // Sent here as signed, then replayed verbatim.
            let request = Self.handSignedPush(body, authority: "127.0.0.1:\(port)")
            let first = try await raw.send(request)
            XCTAssertEqual(first.status, 200, String(decoding: first.body, as: UTF8.self))
            let replay = try await raw.send(request)
            XCTAssertEqual(replay.status, 401)
            XCTAssertEqual(try JSONDecoder().decode(ErrorBody.self, from: replay.body).error.code, "signature_replayed")
        }
        XCTAssertEqual(try node.store.changeSetCount(), 1, "the state changed exactly once")
    }

    func testRateLimitAnswers429AndTheClientRetriesAfterRetryAfterWithAFreshSignature() async throws {
        let node = try ServerTestNode(wallClock: LocalAuthor.systemMilliseconds)
        defer { node.remove() }
        try await withLiveServer(node, Self.configuration { $0.perNode = RateLimit(burst: 1, perSecond: 1) }) { port in
            let patient = try Self.client(
                port: port, key: Self.caller, retry: RetryPolicy(maxAttempts: 3, baseDelay: .milliseconds(10), maxDelay: .seconds(5)))
            let first = try await patient.transport.send(.get(PeerClient.Path.vector))
            XCTAssertEqual(first.status, 200)
            let started = ContinuousClock.now
            let second = try await patient.transport.send(.get(PeerClient.Path.vector))
            XCTAssertEqual(second.status, 200, String(decoding: second.body, as: UTF8.self))
            XCTAssertEqual(second.attempts, 2, "refused once with 429, then served")
            XCTAssertGreaterThanOrEqual(ContinuousClock.now - started, .milliseconds(900), "waited for Retry-After: 1")

            let impatient = try Self.client(port: port, key: Self.caller)
            let limited = try await impatient.transport.send(.get(PeerClient.Path.vector))
            XCTAssertEqual(limited.status, 429)
            XCTAssertEqual(limited.headers.value(forName: "Retry-After"), "1")
            XCTAssertEqual(try JSONDecoder().decode(ErrorBody.self, from: limited.body).error.code, "rate_limited")
        }
    }
}
