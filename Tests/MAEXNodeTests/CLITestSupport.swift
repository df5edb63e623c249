import Foundation
import MAEXCore
import XCTest

/// What one run of `maex-node` produced.
struct CLIResult {
    /// The exit status.
    var status: Int32
    /// Everything written to stdout.
    var stdout: String
    /// Everything written to stderr.
    var stderr: String

    /// The non-empty lines of stdout.
    var lines: [String] { stdout.split(separator: "\n").map(String.init) }
    /// The non-empty lines of stderr.
    var errorLines: [String] { stderr.split(separator: "\n").map(String.init) }
    /// stdout parsed as canonical JSON (what `--json` prints).
    func json() throws -> JSONValue {
        let text = stdout.hasSuffix("\n") ? String(stdout.dropLast()) : stdout
        return try JSONValue(canonicalBytes: Array(text.utf8))
    }
}

/// Runs the built `maex-node` executable.
enum CLI {
    private final class Marker {}

    /// The executable beside the test bundle (or in `.build/debug`); fails loudly when missing.
    static func executable() throws -> URL {
        let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let candidates = [
            Bundle.main.bundleURL, Bundle.main.bundleURL.deletingLastPathComponent(),
            Bundle(for: Marker.self).bundleURL.deletingLastPathComponent(), packageRoot.appendingPathComponent(".build/debug"),
        ].map { $0.appendingPathComponent("maex-node") }
        guard let found = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0.path) }) else {
            throw CLITestError.missingExecutable(candidates.map(\.path))
        }
        return found
    }

    /// Runs `maex-node` with `arguments`; kills it and fails after `timeout` seconds.
    static func run(_ arguments: [String], timeout: TimeInterval = 60) throws -> CLIResult {
        let process = Process()
        process.executableURL = try executable()
        process.arguments = arguments
        var environment = ProcessInfo.processInfo.environment
        environment["MAEX_LOG_LEVEL"] = nil
        process.environment = environment
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("maex-cli-out-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let outURL = folder.appendingPathComponent("stdout")
        let errURL = folder.appendingPathComponent("stderr")
        _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
        let out = try FileHandle(forWritingTo: outURL)
        let err = try FileHandle(forWritingTo: errURL)
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning, Date() < deadline { Thread.sleep(forTimeInterval: 0.01) }
        if process.isRunning {
            process.terminate()
            process.waitUntilExit()
            throw CLITestError.timedOut(arguments)
        }
        process.waitUntilExit()
        try out.close()
        try err.close()
        return CLIResult(
            status: process.terminationStatus,
            stdout: String(decoding: try Data(contentsOf: outURL), as: UTF8.self),
            stderr: String(decoding: try Data(contentsOf: errURL), as: UTF8.self))
    }
}

/// Why a CLI test could not run the executable.
enum CLITestError: Error, CustomStringConvertible {
    case missingExecutable([String])
    case timedOut([String])

    var description: String {
        switch self {
        case .missingExecutable(let paths): "maex-node executable not found; looked at: \(paths.joined(separator: ", "))"
        case .timedOut(let arguments): "maex-node \(arguments.joined(separator: " ")) did not finish in time"
        }
    }
}

/// A node folder driven through the command line.
struct CLINode {
    /// The data folder.
    let folder: URL

    /// A path for a node in a new temporary folder (not created).
    static func temporary() -> CLINode {
        CLINode(folder: FileManager.default.temporaryDirectory.appendingPathComponent("maex-cli-\(UUID().uuidString)"))
    }

    /// Runs a command on this node (`--data` is appended).
    func run(_ arguments: String...) throws -> CLIResult {
        try CLI.run(arguments + ["--data", folder.path])
    }

    /// The national node holding this test node's network root, in a sibling folder.
    var rootFolder: URL { folder.deletingLastPathComponent().appendingPathComponent(folder.lastPathComponent + "-root") }

    /// The root's id, read from its folder.
    func rootID() throws -> String { try CLI.run(["id", "--data", rootFolder.path]).lines.last ?? "" }

    /// Creates the network's national node (the root) next to this node and returns its id.
    func makeRoot(file: StaticString = #filePath, line: UInt = #line) throws -> String {
        let result = try CLI.run(["init", "--name", "MAEX Test", "--role", "national", "--scope", "NL", "--realm", "maex-test", "--data", rootFolder.path])
        XCTAssertEqual(result.status, 0, result.stderr, file: file, line: line)
        return result.lines.last ?? ""
    }

    /// Runs `init` and returns the node id; fails the test when it does not succeed. A node
    /// other than a national one joins a fresh network: its root certifies it (`trust grant
    /// --out`) and the node imports the certificate (`trust import`), so it can author.
    @discardableResult
    func initialize(
        name: String = "Gemeente Vlissingen", role: String = "municipality", scope: String = "GM0718", network: CLINode? = nil,
        file: StaticString = #filePath, line: UInt = #line
    ) throws -> String {
        guard role != "national" else {
            let result = try run("init", "--name", name, "--role", role, "--scope", scope, "--realm", "maex-test")
            XCTAssertEqual(result.status, 0, result.stderr, file: file, line: line)
            return result.lines.last ?? ""
        }
        let rootFolder = network?.rootFolder ?? self.rootFolder
        let root = try network?.rootID() ?? makeRoot(file: file, line: line)
        let result = try run("init", "--name", name, "--role", role, "--scope", scope, "--realm", "maex-test", "--root", root)
        XCTAssertEqual(result.status, 0, result.stderr, file: file, line: line)
        let id = result.lines.last ?? ""
        let bundle = rootFolder.appendingPathComponent("enrol.cert").path
        let grant = try CLI.run(["trust", "grant", "--node", id, "--role", role, "--scope", scope, "--out", bundle, "--data", rootFolder.path])
        XCTAssertEqual(grant.status, 0, grant.stderr, file: file, line: line)
        let imported = try run("trust", "import", bundle)
        XCTAssertEqual(imported.status, 0, imported.stderr, file: file, line: line)
        return id
    }

    /// Adds an initiative and returns its id (the last line).
    func add(_ name: String, municipality: String = "GM0718", file: StaticString = #filePath, line: UInt = #line) throws -> String {
        let result = try run("initiative", "add", "--name", name, "--municipality", municipality)
        XCTAssertEqual(result.status, 0, result.stderr, file: file, line: line)
        return result.lines.last ?? ""
    }

    /// Digest and log: what must not change when a command is refused.
    func state(file: StaticString = #filePath, line: UInt = #line) throws -> String {
        let digest = try run("digest")
        let log = try run("log", "--json")
        XCTAssertEqual(digest.status, 0, digest.stderr, file: file, line: line)
        XCTAssertEqual(log.status, 0, log.stderr, file: file, line: line)
        return digest.stdout + log.stdout
    }

    /// Removes the folder (and the root's).
    func remove() {
        try? FileManager.default.removeItem(at: folder)
        try? FileManager.default.removeItem(at: rootFolder)
    }
}

/// Asserts a refused command: the exit code, exactly one `maex-node: error:` line on stderr
/// mentioning `mentions`, and nothing on stdout.
func XCTAssertRefused(
    _ result: CLIResult, status: Int32, mentions: String, file: StaticString = #filePath, line: UInt = #line
) {
    XCTAssertEqual(result.status, status, "stderr: \(result.stderr)", file: file, line: line)
    XCTAssertEqual(result.errorLines.count, 1, "stderr: \(result.stderr)", file: file, line: line)
    XCTAssertTrue(result.stderr.hasPrefix("maex-node: error: "), "stderr: \(result.stderr)", file: file, line: line)
    XCTAssertTrue(result.stderr.contains(mentions), "stderr \(result.stderr) should mention \(mentions)", file: file, line: line)
    XCTAssertEqual(result.stdout, "", file: file, line: line)
}
