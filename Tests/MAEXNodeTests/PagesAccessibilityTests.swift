import Foundation
import MAEXClient
import MAEXCore
import MAEXNode
import XCTest

/// WCAG 2.1 AA through a real node: a seeded municipality node serves its pages, and
/// `scripts/axe_check.py` runs axe-core in headless Chromium on every page and form (the forms
/// also sent with mistakes, typed and submitted with the keyboard) at 1280 and 375 px, and
/// tabs through the forms. The test fails, never skips, when the tools are missing
/// (`make deps` installs them).
final class PagesAccessibilityTests: XCTestCase {
    private var network: TestNetwork?

    override func tearDown() {
        network?.stopAll()
        super.tearDown()
    }

    /// The pages the checker must report on, each at both widths.
    static let expectedPages = [
        "home", "gemeente", "gemeente-filter", "provincie", "nederland", "initiatief", "aanmelden", "aanmelden-fouten", "privacy",
        "toegankelijkheid", "open-data", "aanbod", "aanbod-zoeken", "partner", "impuls", "niet-gevonden", "beheer", "beheer-fouten",
    ]

    func testEveryPageAndFormHasNoWCAGViolationsAtDesktopAndPhoneWidth() async throws {
        let network = try TestNetwork()
        self.network = network
        let node = try network.addNode("Gemeente Vlissingen", role: .municipality, scope: ["GM0718"])
        let imported = try CLI.run(["initiative", "import", "--data", node.folder.path, Self.repository("scripts/demo-seed.json").path])
        XCTAssertEqual(imported.status, 0, imported.stderr)
        let token = try XCTUnwrap(try CLI.run(["admin", "token", "--data", node.folder.path]).lines.last)
        let config = network.root.appendingPathComponent("vlissingen.toml")
        try """
            name = "Gemeente Vlissingen"
            role = "municipality"
            scope = ["GM0718"]
            listen = "127.0.0.1:\(node.port)"
            data = "\(node.folder.path)"

            [privacy]
            controller = "Gemeente Vlissingen"
            contact_email = "privacy@vlissingen.example"

            [[partners]]
            slug = "gemeente-vlissingen"
            name = "Gemeente Vlissingen"
            area = ["GM0718"]
            goals = [1, 3, 11, 12, 13]
            """.write(to: config, atomically: true, encoding: .utf8)
        try await node.start(["--config", config.path])
        // `serve --config` passes the file's [privacy] table to the pages.
        let transport = try HTTPTransport(peer: try PeerURL(node.url), configuration: TestNetwork.quickTransport, logger: TestNetwork.logger)
        let privacy = try await transport.send(.get("/privacy")).requireSuccess()
        XCTAssertTrue(String(decoding: privacy.body, as: UTF8.self).contains("<a href=\"mailto:privacy@vlissingen.example\">"))

        let report = network.root.appendingPathComponent("axe-report.json")
        let run = try Self.runChecker(["--base", "http://127.0.0.1:\(node.port)", "--token", token, "--json", report.path])
        guard run.status != 2 else {
            return XCTFail(
                "the accessibility check cannot run (run `make deps`: chromium, chromium-driver, pip selenium and "
                    + "axe-playwright-python):\n\(run.stderr)\(run.stdout)")
        }
        XCTAssertEqual(run.status, 0, "WCAG 2.1 A/AA violations:\n\(run.stdout)\(run.stderr)")
        XCTAssertTrue(run.stdout.contains("axe_check: 0 violations"), run.stdout)

        // The report covers every page at both widths, so a check of nothing cannot pass.
        let entries = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: report)) as? [[String: Any]])
        let covered = Set(entries.compactMap { entry -> String? in
            guard let page = entry["page"] as? String, let width = entry["width"] as? Int else { return nil }
            return "\(page)@\(width)"
        })
        let expected = Set(Self.expectedPages.flatMap { ["\($0)@1280", "\($0)@375"] })
        XCTAssertEqual(covered, expected)
        for entry in entries {
            XCTAssertEqual((entry["violations"] as? [Any])?.count, 0, "\(entry["page"] ?? "?") at \(entry["width"] ?? "?")")
        }
    }

    /// A path inside the repository.
    static func repository(_ path: String) -> URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent(path)
    }

    /// Runs `python3 scripts/axe_check.py` with `arguments`; status 127 when python3 is missing.
    static func runChecker(_ arguments: [String], timeout: TimeInterval = 600) throws -> CLIResult {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", repository("scripts/axe_check.py").path] + arguments
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("maex-axe-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let (outURL, errURL) = (folder.appendingPathComponent("stdout"), folder.appendingPathComponent("stderr"))
        _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
        let (out, err) = (try FileHandle(forWritingTo: outURL), try FileHandle(forWritingTo: errURL))
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning, Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        if process.isRunning {
            process.terminate()  // the checker quits Chromium on SIGTERM
            process.waitUntilExit()
            throw CLITestError.timedOut(["axe_check.py"] + arguments)
        }
        process.waitUntilExit()
        try out.close()
        try err.close()
        let status = process.terminationStatus
        let stderr = String(decoding: try Data(contentsOf: errURL), as: UTF8.self)
        return CLIResult(
            status: status == 127 ? 2 : status, stdout: String(decoding: try Data(contentsOf: outURL), as: UTF8.self),
            stderr: status == 127 ? "python3 not found\n" + stderr : stderr)
    }
}
