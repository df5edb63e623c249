import MAEXClient
import MAEXNode
import XCTest

/// The `[tls]` table of a node's file: the server's certificate and how peers are checked.
final class NodeConfigurationTLSTests: XCTestCase {
    private let base = """
        name = "Provincie Zeeland"
        role = "province"
        scope = ["PV29"]
        listen = "127.0.0.1:8082"
        data = "data/zeeland"

        [sync]
        peers = ["https://national.example/", "https://tholen.example:8443/"]

        """

    func testParsesServerCertificateDefaultCAAndPerPeerSettings() throws {
        let configuration = try NodeConfiguration(toml: base + """
            [tls]
            cert = "/etc/maex/node.crt"
            key = "/etc/maex/node.key"
            ca_file = "/etc/maex/ca.pem"

            [[tls.peer]]
            url = "https://tholen.example:8443"
            pinned_key = "sha256//AAAA"
            """)
        let tls = configuration.tls
        XCTAssertEqual(tls.certificateFile, "/etc/maex/node.crt")
        XCTAssertEqual(tls.privateKeyFile, "/etc/maex/node.key")
        XCTAssertTrue(tls.servesTLS)
        XCTAssertEqual(tls.tls(for: try PeerURL("https://national.example/")), PeerTLS(caFile: "/etc/maex/ca.pem"))
        XCTAssertEqual(
            tls.tls(for: try PeerURL("https://tholen.example:8443/")), PeerTLS(caFile: "/etc/maex/ca.pem", pinnedPublicKey: "sha256//AAAA"),
            "a peer's own settings, keeping the default CA file unless it names one")
    }

    func testWithoutATLSTableTheNodeServesHTTPAndChecksPeersAgainstTheSystemStore() throws {
        let tls = try NodeConfiguration(toml: base).tls
        XCTAssertFalse(tls.servesTLS)
        XCTAssertEqual(tls.tls(for: try PeerURL("https://national.example/")), PeerTLS())
    }

    func testRefusesACertificateWithoutKeyAndUnknownKeys() {
        XCTAssertThrowsError(try NodeConfiguration(toml: base + "[tls]\ncert = \"node.crt\"\n")) { error in
            XCTAssertTrue("\(error)".contains("tls.key") && "\(error)".contains("give both cert and key"), "\(error)")
        }
        XCTAssertThrowsError(try NodeConfiguration(toml: base + "[tls]\ncafile = \"ca.pem\"\n")) { error in
            XCTAssertTrue("\(error)".contains("tls.cafile"), "\(error)")
        }
        XCTAssertThrowsError(try NodeConfiguration(toml: base + "[[tls.peer]]\nurl = \"ftp://x/\"\n")) { error in
            XCTAssertTrue("\(error)".contains("tls.peer[0].url"), "\(error)")
        }
    }
}
