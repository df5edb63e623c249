import Foundation
import MAEXCore
import MAEXNode
import MAEXStore
import MAEXWire
import XCTest

/// A served node whose data folder is on a 4 MiB tmpfs that fills up: new writes are refused
/// with a clear error (503 `store_unavailable`), reads go on (the listing holds every stored
/// initiative), nothing stored is lost, and writes succeed again once the filesystem grows.
/// Mounting needs root; without it the test says so and skips (visibly, with the reason).
final class NetworkFullDiskTests: XCTestCase {
    private var mountPoint: URL?
    private var node: NodeProcess?

    override func tearDown() {
        node?.stop()
        if let node { try? FileManager.default.removeItem(at: node.logURL) }
        if let mountPoint {
            _ = try? Self.shell("umount", mountPoint.path)
            try? FileManager.default.removeItem(at: mountPoint)
        }
        super.tearDown()
    }

    @discardableResult
    private static func shell(_ arguments: String...) throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus
    }

    private func post(_ port: Int, token: String, name: String) throws -> RawHTTPConnection.Answer? {
        let body = Array(#"{"name":"\#(name)","municipality":"GM0718","description":"\#(String(repeating: "x", count: 3000))"}"#.utf8)
        let connection = try RawHTTPConnection(port: port)
        connection.send(
            "POST /v1/initiatives HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer \(token)\r\nContent-Type: application/json\r\n"
                + "Content-Length: \(body.count)\r\n\r\n", body: body)
        return try connection.readAnswer(timeout: .seconds(20))
    }

    private func listedTotal(_ port: Int) throws -> Int? {
        let connection = try RawHTTPConnection(port: port)
        connection.send(rawGet("/v1/initiatives?limit=1"))
        guard let answer = try connection.readAnswer(timeout: .seconds(20)), answer.status == 200 else { return nil }
        return try JSONDecoder().decode(InitiativeList.self, from: Data(answer.body)).total
    }

    func testFullDiskRefusesWritesKeepsReadsAndRecovers() async throws {
        let mountPoint = FileManager.default.temporaryDirectory.appendingPathComponent("maex-disk-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: mountPoint, withIntermediateDirectories: true)
        guard try Self.shell("mount", "-t", "tmpfs", "-o", "size=4m", "tmpfs", mountPoint.path) == 0 else {
            try? FileManager.default.removeItem(at: mountPoint)
            throw XCTSkip("FULL DISK PART SKIPPED: cannot mount a 4 MiB tmpfs here (needs root / CAP_SYS_ADMIN)")
        }
        self.mountPoint = mountPoint
        let folder = mountPoint.appendingPathComponent("node")
        _ = try NodeDirectory.create(at: folder, name: "Schijf", role: .national, scope: ["NL"], key: SigningKey())
        let token = try XCTUnwrap(CLI.run(["admin", "token", "--data", folder.path]).lines.last)
        let node = NodeProcess(name: "disk", folder: folder, port: try FreePort.next(), logURL: mountPoint.deletingLastPathComponent()
            .appendingPathComponent("maex-disk-\(UUID().uuidString).log"))
        self.node = node
        try await node.start()

        var stored = 0
        var refusal: RawHTTPConnection.Answer?
        for index in 0..<2000 {
            let answer = try XCTUnwrap(try post(node.port, token: token, name: "Vol \(index)"), "an answer to every write")
            guard answer.status == 201 else {
                refusal = answer
                break
            }
            stored += 1
        }
        let refused = try XCTUnwrap(refusal, "the 4 MiB filesystem filled up")
        XCTAssertEqual(refused.status, 503)
        XCTAssertEqual(try JSONDecoder().decode(ErrorBody.self, from: Data(refused.body)).error.code, "store_unavailable")
        XCTAssertGreaterThan(stored, 10)
        XCTAssertEqual(try listedTotal(node.port), stored, "reads go on while the disk is full")

        XCTAssertEqual(try Self.shell("mount", "-o", "remount,size=64m", mountPoint.path), 0)
        XCTAssertEqual(try post(node.port, token: token, name: "Na herstel")?.status, 201, "writes succeed once space returns")
        XCTAssertEqual(try listedTotal(node.port), stored + 1)
        node.stop()
        let verify = try CLI.run(["verify", "--data", folder.path])
        XCTAssertEqual(verify.status, 0, verify.stdout + verify.stderr)
        let store = try NodeDirectory.open(at: folder).openStore(logger: TestNetwork.logger)
        XCTAssertEqual(try store.changeSetCount(), stored + 1, "every acknowledged write is there")
    }
}
