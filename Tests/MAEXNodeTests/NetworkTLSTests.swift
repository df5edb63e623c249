import Foundation
import MAEXClient
import MAEXCore
import MAEXNode
import MAEXWire
import XCTest

/// HTTPS between nodes through the real binary: a hub serving TLS with a certificate of a CA
/// made in the test (the `openssl` CLI), nodes that sync with it over HTTPS, and the refusals:
/// a certificate of another CA, the wrong host name, a wrong pinned key.
final class NetworkTLSTests: XCTestCase {
    private var network: TestNetwork?

    override func tearDown() {
        network?.stopAll()
        network = nil
        super.tearDown()
    }

    func testNodesSyncOverHTTPSAndRefuseACertificateTheyCannotVerify() async throws {
        let network = try TestNetwork()
        self.network = network
        let pki = network.root.appendingPathComponent("pki")
        try FileManager.default.createDirectory(at: pki, withIntermediateDirectories: true)
        try TestCA.make(in: pki, name: "ca", host: "IP:127.0.0.1")
        try TestCA.make(in: pki, name: "other", host: "IP:127.0.0.1")
        let file = { (name: String) in pki.appendingPathComponent(name).path }

        let hub = try network.addNode("zeeland", role: .province, scope: ["PV29"])
        let town = try network.addNode("vlissingen", role: .municipality, scope: ["GM0718"])
        let laptop = try network.addNode("tholen", role: .municipality, scope: ["GM0716"])
        _ = try CLINode(folder: hub.folder).add("Repair Café Tholen", municipality: "GM0716")
        _ = try CLINode(folder: town.folder).add("Repair Café Vlissingen")
        hub.tls = PeerTLS(caFile: file("ca.pem"))
        try await hub.start(["--tls-cert", file("ca-node.crt"), "--tls-key", file("ca-node.key")])
        XCTAssertTrue(hub.url.hasPrefix("https://"))

        // A serving node syncs with the hub over HTTPS, checking it against the test CA and the
        // hub's pinned key, as its TOML file's [tls] says.
        let pin = try TestCA.pin(file("ca-node.crt"))
        let config = network.root.appendingPathComponent("vlissingen.toml")
        try Data("""
            name = "vlissingen"
            role = "municipality"
            scope = ["GM0718"]
            listen = "127.0.0.1:\(town.port)"
            data = "\(town.folder.path)"

            [sync]
            peers = ["\(hub.url)"]
            interval = 0.2

            [tls]
            ca_file = "\(file("ca.pem"))"

            [[tls.peer]]
            url = "\(hub.url)"
            pinned_key = "\(pin)"
            """.utf8).write(to: config)
        try await town.start(["--config", config.path])
        let townID = try NodeDirectory.open(at: town.folder).nodeID.hex
        try await TestNetwork.wait(timeout: .seconds(30), "the hub holds the town's change set over HTTPS") {
            (try? await TestNetwork.vector(of: hub))?[townID] == 1
        }

        // The command line too, with the CA file and with the right pinned key.
        let synced = try CLI.run(["sync", "--data", laptop.folder.path, "--peer", hub.url, "--ca-file", file("ca.pem"), "--quiet"])
        XCTAssertEqual(synced.status, 0, synced.stderr)
        let pinned = try CLI.run(["sync", "--data", laptop.folder.path, "--peer", hub.url, "--ca-file", file("ca.pem"), "--pinned-key", pin])
        XCTAssertEqual(pinned.status, 0, pinned.stderr)
        let hubDigest = try await hub.client().digest().value.digest
        XCTAssertEqual(try CLINode(folder: laptop.folder).run("digest").lines.last, hubDigest)

        // Refusals name the certificate problem.
        let untrusted = try CLI.run(["sync", "--data", laptop.folder.path, "--peer", hub.url, "--ca-file", file("other.pem")])
        XCTAssertEqual(untrusted.status, 1)
        XCTAssertTrue(untrusted.stderr.contains("TLS with peer \(hub.url) failed") && untrusted.stderr.contains("certificate"), untrusted.stderr)
        let system = try CLI.run(["sync", "--data", laptop.folder.path, "--peer", hub.url])
        XCTAssertEqual(system.status, 1, "the system store does not know the test CA")
        XCTAssertTrue(system.stderr.contains("TLS with peer \(hub.url) failed"), system.stderr)
        let byName = "https://localhost:\(hub.port)/"
        let wrongHost = try CLI.run(["sync", "--data", laptop.folder.path, "--peer", byName, "--ca-file", file("ca.pem")])
        XCTAssertEqual(wrongHost.status, 1, "the certificate names 127.0.0.1, not localhost")
        XCTAssertTrue(wrongHost.stderr.contains("TLS with peer") && wrongHost.stderr.contains("subject name"), wrongHost.stderr)
        let otherPin = try TestCA.pin(file("other-node.crt"))
        let wrongPin = try CLI.run(["sync", "--data", laptop.folder.path, "--peer", hub.url, "--ca-file", file("ca.pem"), "--pinned-key", otherPin])
        XCTAssertEqual(wrongPin.status, 1)
        XCTAssertTrue(wrongPin.stderr.contains("pinned public key"), wrongPin.stderr)
        let after = try await hub.client().digest().value.digest
        XCTAssertEqual(after, hubDigest, "refused rounds changed nothing")
    }

    func testServeRefusesToStartWithAnUnreadableCertificate() throws {
        let network = try TestNetwork()
        self.network = network
        let hub = try network.addNode("zeeland", role: .province, scope: ["PV29"])
        let bogus = network.root.appendingPathComponent("bogus.crt")
        try Data("not a certificate\n".utf8).write(to: bogus)
        let result = try CLI.run(
            ["serve", "--data", hub.folder.path, "--listen", "127.0.0.1:\(hub.port)", "--tls-cert", bogus.path, "--tls-key", bogus.path], timeout: 30)
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stderr.contains("cannot use \(bogus.path) as the TLS certificate chain"), result.stderr)
        let half = try CLI.run(["serve", "--data", hub.folder.path, "--tls-cert", bogus.path], timeout: 30)
        XCTAssertNotEqual(half.status, 0)
        XCTAssertTrue(half.stderr.contains("--tls-key"), half.stderr)
    }
}

/// A throw-away certificate authority made with the `openssl` command line.
enum TestCA {
    /// Makes `<name>.pem` (a CA) and `<name>-node.crt` / `<name>-node.key` (a server
    /// certificate it signed, for the subject alternative name `host`, e.g. `IP:127.0.0.1`).
    static func make(in folder: URL, name: String, host: String) throws {
        let ext = folder.appendingPathComponent("\(name).ext")
        try Data("subjectAltName=\(host)\nbasicConstraints=CA:FALSE\nkeyUsage=digitalSignature\nextendedKeyUsage=serverAuth\n".utf8).write(to: ext)
        try run("""
            openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -keyout \(name).key -out \(name).pem \
              -days 2 -subj "/CN=MAEX test CA \(name)" && \
            openssl req -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -keyout \(name)-node.key -out \(name)-node.csr \
              -subj "/CN=maex test node" && \
            openssl x509 -req -in \(name)-node.csr -CA \(name).pem -CAkey \(name).key -CAcreateserial -out \(name)-node.crt \
              -days 2 -extfile \(name).ext
            """, in: folder)
    }

    /// The `sha256//BASE64` pin of a certificate's public key.
    static func pin(_ certificate: String) throws -> String {
        let folder = URL(fileURLWithPath: certificate).deletingLastPathComponent()
        let hash = try run(
            "openssl x509 -in '\(certificate)' -pubkey -noout | openssl pkey -pubin -outform der | openssl dgst -sha256 -binary | openssl base64 -A",
            in: folder)
        return "sha256//" + hash.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Runs a shell command in `folder`; fails with its output when it does not succeed.
    @discardableResult
    static func run(_ command: String, in folder: URL) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", command]
        process.currentDirectoryURL = folder
        let out = Pipe()
        process.standardOutput = out
        process.standardError = out
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let text = String(decoding: data, as: UTF8.self)
        guard process.terminationStatus == 0 else { throw TestCAError.failed(command, text) }
        return text
    }

    enum TestCAError: Error, CustomStringConvertible {
        case failed(String, String)
        var description: String {
            switch self { case .failed(let command, let output): "openssl failed: \(command)\n\(output)" }
        }
    }
}
