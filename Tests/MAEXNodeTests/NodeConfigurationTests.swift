import MAEXCore
import MAEXNode
import XCTest

final class NodeConfigurationTests: XCTestCase {
    private let valid = """
        name = "Gemeente Vlissingen"
        role = "municipality"
        scope = ["GM0718"]
        listen = "127.0.0.1:8083"
        data = "data/vlissingen"

        [sync]
        peers = ["http://127.0.0.1:8082/", "http://hub.example:9000/maex"]
        interval = 2.5
        """

    func testParsesEveryKey() throws {
        let configuration = try NodeConfiguration(toml: valid)
        XCTAssertEqual(configuration.name, "Gemeente Vlissingen")
        XCTAssertEqual(configuration.role, .municipality)
        XCTAssertEqual(configuration.scope, ["GM0718"])
        XCTAssertEqual(configuration.realm, "maex-nl", "the realm defaults to the national network")
        XCTAssertEqual(configuration.listen, ListenAddress(host: "127.0.0.1", port: 8083))
        XCTAssertEqual(configuration.dataPath, "data/vlissingen")
        XCTAssertEqual(configuration.peers.map(\.description), ["http://127.0.0.1:8082/", "http://hub.example:9000/maex/"])
        XCTAssertEqual(configuration.syncInterval, .milliseconds(2500))
    }

    func testSyncTableIsOptional() throws {
        let text = valid.components(separatedBy: "[sync]")[0]
        let configuration = try NodeConfiguration(toml: text)
        XCTAssertEqual(configuration.peers, [])
        XCTAssertEqual(configuration.syncInterval, NodeConfiguration.defaultSyncInterval)
    }

    func testSyntaxErrorNamesFileAndLine() {
        XCTAssertThrowsError(try NodeConfiguration(toml: "name = \"x\"\nrole = \n", path: "nodes/bad.toml")) { error in
            guard case NodeConfigurationError.syntax(let path, let line, _, _) = error else {
                return XCTFail("expected a syntax error, got \(error)")
            }
            XCTAssertEqual(path, "nodes/bad.toml")
            XCTAssertEqual(line, 2)
            XCTAssertTrue("\(error)".hasPrefix("nodes/bad.toml:2:"), "\(error)")
        }
    }

    func testUnknownKeysAreRejectedByTheirDottedPath() {
        assertError(valid.replacingOccurrences(of: "listen =", with: "listne ="), .unknownKey("listne"))
        assertError(valid.replacingOccurrences(of: "interval =", with: "intervall ="), .unknownKey("sync.intervall"))
    }

    func testMissingAndMistypedKeys() {
        assertError(valid.replacingOccurrences(of: "data = \"data/vlissingen\"", with: ""), .missingKey("data"))
        assertError(valid.replacingOccurrences(of: "scope = [\"GM0718\"]", with: "scope = \"GM0718\""),
                    .wrongType(key: "scope", expected: "an array of strings"))
        assertError(valid.replacingOccurrences(of: "interval = 2.5", with: "interval = \"30\""),
                    .wrongType(key: "sync.interval", expected: "a number of seconds"))
        assertError(valid.components(separatedBy: "[sync]")[0] + "sync = 3\n",
                    .wrongType(key: "sync", expected: "a table ([sync])"))
    }

    func testInvalidValuesSayWhy() throws {
        XCTAssertThrowsError(try NodeConfiguration(toml: valid.replacingOccurrences(of: "\"municipality\"", with: "\"city\""))) {
            XCTAssertTrue("\($0)".contains("expected one of municipality, province, national, fund"), "\($0)")
        }
        XCTAssertThrowsError(try NodeConfiguration(toml: valid.replacingOccurrences(of: "GM0718", with: "PV29"))) {
            XCTAssertTrue("\($0)".contains("invalid scope \"PV29\""), "\($0)")
        }
        XCTAssertThrowsError(try NodeConfiguration(toml: valid.replacingOccurrences(of: "127.0.0.1:8083", with: "127.0.0.1"))) {
            XCTAssertTrue("\($0)".contains("invalid listen"), "\($0)")
        }
        XCTAssertThrowsError(try NodeConfiguration(toml: valid.replacingOccurrences(of: "http://127.0.0.1:8082/", with: "ftp://x/"))) {
            XCTAssertTrue("\($0)".contains("invalid sync.peers \"ftp://x/\""), "\($0)")
        }
        XCTAssertThrowsError(try NodeConfiguration(toml: valid.replacingOccurrences(of: "interval = 2.5", with: "interval = 0"))) {
            XCTAssertTrue("\($0)".contains("invalid sync.interval"), "\($0)")
        }
    }

    func testFileErrorsNameTheFile() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("maex-config-\(UUID().uuidString).toml")
        try valid.replacingOccurrences(of: "listen =", with: "listne =").write(to: url, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: url) }
        XCTAssertThrowsError(try NodeConfiguration(tomlFile: url.path)) {
            XCTAssertEqual("\($0)", "\(url.path): unknown key \"listne\" (check its spelling)")
        }
        XCTAssertThrowsError(try NodeConfiguration(tomlFile: url.path + ".missing")) {
            guard case NodeConfigurationError.unreadable = $0 else { return XCTFail("\($0)") }
        }
    }

    func testListenAddressForms() throws {
        XCTAssertEqual(try ListenAddress(parsing: "0.0.0.0:8080"), ListenAddress(host: "0.0.0.0", port: 8080))
        XCTAssertEqual(try ListenAddress(parsing: "[::1]:9"), ListenAddress(host: "::1", port: 9))
        XCTAssertEqual(try ListenAddress(parsing: "localhost:0").port, 0)
        XCTAssertEqual(ListenAddress(host: "0.0.0.0", port: 80).localURL, "http://127.0.0.1:80/")
        XCTAssertEqual(ListenAddress(host: "::1", port: 80).description, "[::1]:80")
        for bad in ["8080", ":8080", "::1:80", "host:65536", "host:-1", "ho st:80", "host:８０"] {
            XCTAssertThrowsError(try ListenAddress(parsing: bad), bad)
        }
    }

    func testSyncAuthorsAreParsedAsNodeIDs() throws {
        let first = TestAuthor().id
        let second = TestAuthor().id
        let text = valid + "\nauthors = [\"\(first.hex)\", \"\(second.hex)\"]\n"
        XCTAssertEqual(try NodeConfiguration(toml: text).authors, [first, second])
        XCTAssertNil(try NodeConfiguration(toml: valid).authors, "without the key every author is pulled")
    }

    func testInvalidSyncAuthorsAreRefusedNamingTheKey() throws {
        let good = TestAuthor().id.hex
        for bad in [String(good.dropLast()), good.uppercased(), String(repeating: "g", count: 64)] {
            XCTAssertThrowsError(try NodeConfiguration(toml: valid + "\nauthors = [\"\(good)\", \"\(bad)\"]\n"), bad) {
                guard case NodeConfigurationError.invalidValue(let key, let value, _) = $0 else { return XCTFail("\($0)") }
                XCTAssertEqual(key, "sync.authors")
                XCTAssertEqual(value, bad)
                XCTAssertTrue("\($0)".hasPrefix("invalid sync.authors \"\(bad.prefix(100))\": not a node id"), "\($0)")
            }
        }
        XCTAssertThrowsError(try NodeConfiguration(toml: valid + "\nauthors = []\n")) {
            XCTAssertTrue("\($0)".contains("invalid sync.authors \"[]\""), "\($0)")
        }
        assertError(valid + "\nauthors = \"\(good)\"\n", .wrongType(key: "sync.authors", expected: "an array of strings"))
    }

    private func assertError(_ text: String, _ expected: NodeConfigurationError, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertThrowsError(try NodeConfiguration(toml: text), file: file, line: line) { error in
            XCTAssertEqual(error as? NodeConfigurationError, expected, file: file, line: line)
        }
    }
}
