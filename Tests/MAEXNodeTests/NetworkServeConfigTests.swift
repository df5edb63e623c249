import Foundation
import MAEXClient
import MAEXCore
import MAEXWire
import XCTest

/// `maex-node serve --config FILE`: the first start creates the node from the file, the API
/// answers as that node, and SIGTERM stops it gracefully.
final class NetworkServeConfigTests: XCTestCase {
    private var folder: URL?
    private var process: Process?

    override func tearDown() {
        if let process, process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
        if let folder { try? FileManager.default.removeItem(at: folder) }
        super.tearDown()
    }

    func testServeFromAConfigurationFileCreatesTheNodeAndStopsOnSigterm() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("maex-serve-\(UUID().uuidString)")
        self.folder = folder
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let port = try FreePort.next()
        let config = folder.appendingPathComponent("tholen.toml")
        let root = SigningKey().nodeID
        try """
            name = "Gemeente Tholen"
            role = "municipality"
            scope = ["GM0716"]
            root = "\(root.hex)"
            listen = "127.0.0.1:\(port)"
            data = "\(folder.appendingPathComponent("data").path)"

            [sync]
            peers = []
            interval = 5
            """.write(to: config, atomically: true, encoding: .utf8)

        let output = folder.appendingPathComponent("serve.log")
        _ = FileManager.default.createFile(atPath: output.path, contents: nil)
        let log = try FileHandle(forWritingTo: output)
        let process = Process()
        process.executableURL = try CLI.executable()
        process.arguments = ["serve", "--config", config.path, "--exit-with-parent"]
        process.standardOutput = log
        process.standardError = log
        try process.run()
        self.process = process

        let client = try PeerClient(url: "http://127.0.0.1:\(port)/", configuration: TestNetwork.quickTransport, logger: TestNetwork.logger)
        var info: NodeInfo?
        try await TestNetwork.wait(timeout: .seconds(30), "the configured node to answer") {
            XCTAssertTrue(process.isRunning, (try? String(contentsOf: output, encoding: .utf8)) ?? "")
            info = try? await client.nodeInfo().value
            return info != nil || !process.isRunning
        }
        XCTAssertEqual(info?.name, "Gemeente Tholen")
        XCTAssertEqual(info?.role, "municipality")
        XCTAssertEqual(info?.scope, ["GM0716"])
        XCTAssertEqual(info?.realm, "maex-nl")
        XCTAssertTrue(FileManager.default.fileExists(atPath: folder.appendingPathComponent("data/node.key").path), "the node was created")
        // The binary finds its resource bundle (the OpenAPI document) beside itself.
        let document = try await client.get("/openapi.json", as: WireJSON.self).value.value
        XCTAssertEqual(document.objectValue?["openapi"], .string("3.1.0"))

        process.terminate()
        process.waitUntilExit()
        try log.close()
        XCTAssertEqual(process.terminationStatus, 0, "a graceful stop")
        let text = try String(contentsOf: output, encoding: .utf8)
        XCTAssertTrue(text.contains("maex-node: created node "), text)
        XCTAssertTrue(text.contains("maex-node: Gemeente Tholen stopped"), text)
    }
}
