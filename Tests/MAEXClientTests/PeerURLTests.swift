import MAEXClient
import XCTest

final class PeerURLTests: XCTestCase {
    func testAcceptsHTTPAndHTTPSAndNormalises() throws {
        let plain = try PeerURL("http://127.0.0.1:8080")
        XCTAssertEqual(plain.description, "http://127.0.0.1:8080/")
        XCTAssertEqual(plain.scheme, "http")
        XCTAssertEqual(plain.host, "127.0.0.1")
        XCTAssertEqual(plain.port, 8080)
        let secure = try PeerURL("  HTTPS://node-b.example.org/maex//  ")
        XCTAssertEqual(secure.description, "https://node-b.example.org/maex/")
        XCTAssertNil(secure.port)
        XCTAssertEqual(try PeerURL("http://[::1]:9000/").description, "http://[::1]:9000/")
    }

    func testURLForPathJoinsWithOneSlash() throws {
        let peer = try PeerURL("http://h:1/prefix/")
        XCTAssertEqual(peer.url(forPath: "/sync/pull?since=3"), "http://h:1/prefix/sync/pull?since=3")
        XCTAssertEqual(peer.url(forPath: "health"), "http://h:1/prefix/health")
    }

    func testRejectsOtherSchemesAndBadURLsWithClearReasons() {
        let cases: [(String, String)] = [
            ("ftp://127.0.0.1/", "scheme \"ftp\" is not supported; only http and https are"),
            ("file:///etc/passwd", "scheme \"file\" is not supported; only http and https are"),
            ("127.0.0.1:8080", "it has no scheme; write http://host:port/"),
            ("", "it is empty"),
            ("http://", "it has no host"),
            ("http://user:secret@127.0.0.1/", "it must not contain credentials"),
            ("http://127.0.0.1/?a=b", "it must not have a query or fragment"),
            ("http://exa mple.org/", "it is not a valid URL"),
        ]
        for (input, reason) in cases {
            XCTAssertThrowsError(try PeerURL(input), input) { error in
                XCTAssertEqual(error as? ClientError, .invalidPeerURL(input, reason: reason), input)
            }
        }
        XCTAssertEqual(
            ClientError.invalidPeerURL("ftp://x/", reason: "scheme \"ftp\" is not supported; only http and https are").description,
            "peer URL \"ftp://x/\" is not usable: scheme \"ftp\" is not supported; only http and https are"
        )
    }
}
