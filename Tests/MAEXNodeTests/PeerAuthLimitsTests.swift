import XCTest

@testable import MAEXNode

/// The pure parts of peer authentication: token buckets, the nonce cache, authority matching
/// and the `[auth]` table.
final class PeerAuthLimitsTests: XCTestCase {
    func testBucketAllowsABurstThenRefillsAtItsRate() {
        var buckets = TokenBuckets<String>(rate: RateLimit(burst: 3, perSecond: 2))
        for _ in 0..<3 { XCTAssertEqual(buckets.take("a", now: 0), .allowed) }
        XCTAssertEqual(buckets.take("a", now: 0), .limited(retryAfterMilliseconds: 500))
        XCTAssertEqual(buckets.take("a", now: 250), .limited(retryAfterMilliseconds: 250), "half a token refilled")
        XCTAssertEqual(buckets.take("a", now: 500), .allowed)
        XCTAssertEqual(buckets.take("b", now: 500), .allowed, "keys are independent")
        XCTAssertEqual(buckets.take("a", now: 10_000), .allowed, "refilled after a pause")
        XCTAssertEqual(buckets.take("a", now: 10_000), .allowed)
        XCTAssertEqual(buckets.take("a", now: 10_000), .allowed)
        XCTAssertEqual(buckets.take("a", now: 10_000), .limited(retryAfterMilliseconds: 500), "never more than the burst")
    }

    func testBucketsKeepBoundedMemory() {
        var buckets = TokenBuckets<Int>(rate: RateLimit(burst: 1, perSecond: 0.001), capacity: 100)
        for key in 0..<1000 { XCTAssertEqual(buckets.take(key, now: Int64(key)), .allowed) }
        XCTAssertLessThanOrEqual(buckets.count, 100)
        XCTAssertEqual(buckets.take(999, now: 1000), .limited(retryAfterMilliseconds: 999_999), "a recent key is still tracked")
    }

    func testIdleBucketsAreDroppedFirstWhenFull() {
        var buckets = TokenBuckets<String>(rate: RateLimit(burst: 1, perSecond: 1), capacity: 2)
        XCTAssertEqual(buckets.take("idle", now: 0), .allowed)
        XCTAssertEqual(buckets.take("busy", now: 900), .allowed)
        XCTAssertEqual(buckets.take("new", now: 1500), .allowed)
        XCTAssertEqual(buckets.take("busy", now: 1500), .limited(retryAfterMilliseconds: 400), "the busy bucket was kept")
    }

    func testNonceIsFreshOnceAndForgottenAfterItsTime() {
        var cache = NonceCache()
        XCTAssertEqual(cache.use("n", signer: "a", forgetAt: 100, now: 10), .fresh)
        XCTAssertEqual(cache.use("n", signer: "a", forgetAt: 100, now: 50), .replayed)
        XCTAssertEqual(cache.use("n", signer: "b", forgetAt: 100, now: 50), .fresh, "nonces are per signer")
        XCTAssertEqual(cache.use("n", signer: "a", forgetAt: 100, now: 100), .replayed, "still held at its time")
        XCTAssertEqual(cache.use("m", signer: "a", forgetAt: 300, now: 101), .fresh)
        XCTAssertEqual(cache.count, 1, "both nonces of time 100 forgotten")
    }

    func testFullNonceCacheRefusesRatherThanForgetsALiveNonce() {
        var cache = NonceCache(capacity: 2)
        XCTAssertEqual(cache.use("1", signer: "a", forgetAt: 100, now: 0), .fresh)
        XCTAssertEqual(cache.use("2", signer: "a", forgetAt: 200, now: 0), .fresh)
        XCTAssertEqual(cache.use("3", signer: "a", forgetAt: 200, now: 50), .full(retryAfterSeconds: 51))
        XCTAssertEqual(cache.use("1", signer: "a", forgetAt: 100, now: 50), .replayed, "the live nonce was kept")
        XCTAssertEqual(cache.use("3", signer: "a", forgetAt: 200, now: 101), .fresh, "room again once one expired")
    }

    func testNonceCacheStaysBoundedOverManyRequests() {
        var cache = NonceCache(capacity: 1000)
        for second in Int64(0)..<10_000 {
            XCTAssertEqual(cache.use("n\(second)", signer: "a", forgetAt: second + 90, now: second), .fresh)
        }
        XCTAssertLessThanOrEqual(cache.count, 92)
    }

    func testAuthorityMatching() {
        let open = PeerAuthConfiguration()
        XCTAssertTrue(open.accepts(authority: "127.0.0.1:8082", boundPort: 8082))
        XCTAssertTrue(open.accepts(authority: "zeeland:8082", boundPort: 8082))
        XCTAssertFalse(open.accepts(authority: "127.0.0.1:8083", boundPort: 8082))
        XCTAssertTrue(open.accepts(authority: "example.com", boundPort: 80))
        XCTAssertTrue(open.accepts(authority: "[::1]:8082", boundPort: 8082))
        XCTAssertFalse(open.accepts(authority: "127.0.0.1:8082", boundPort: nil), "unknown port: nothing matches")
        let named = PeerAuthConfiguration(authorities: ["Zeeland.example", "127.0.0.1:8082"])
        XCTAssertTrue(named.accepts(authority: "zeeland.example", boundPort: 8080))
        XCTAssertTrue(named.accepts(authority: "127.0.0.1:8082", boundPort: 8080))
        XCTAssertFalse(named.accepts(authority: "127.0.0.1:8080", boundPort: 8080), "a configured list replaces the port rule")
    }

    func testAuthTableOfTheNodeFile() throws {
        let text = """
            name = "Provincie Zeeland"
            role = "province"
            scope = ["PV29"]
            listen = "0.0.0.0:8080"
            data = "/data"

            [auth]
            authorities = ["zeeland:8080", "127.0.0.1:8082"]
            admit_unknown_peers = false
            address_rate = 10
            address_burst = 20
            node_rate = 2.5
            node_burst = 5
            """
        let auth = try NodeConfiguration(toml: text).peerAuth
        XCTAssertEqual(auth.authorities, ["zeeland:8080", "127.0.0.1:8082"])
        XCTAssertFalse(auth.admitsUnknownPeers)
        XCTAssertEqual(auth.perAddress, RateLimit(burst: 20, perSecond: 10))
        XCTAssertEqual(auth.perNode, RateLimit(burst: 5, perSecond: 2.5))
        XCTAssertTrue(auth.isRequired)
        let defaults = try NodeConfiguration(toml: text.components(separatedBy: "[auth]")[0]).peerAuth
        XCTAssertEqual(defaults, PeerAuthConfiguration())
        XCTAssertThrowsError(try NodeConfiguration(toml: text + "\nrequired = false")) { error in
            XCTAssertTrue("\(error)".contains("auth.required"), "\(error)")
        }
        XCTAssertThrowsError(try NodeConfiguration(toml: text.replacingOccurrences(of: "node_rate = 2.5", with: "node_rate = 0")))
        XCTAssertThrowsError(try NodeConfiguration(toml: text.replacingOccurrences(of: "admit_unknown_peers = false", with: "admit_unknown_peers = 1")))
    }
}
