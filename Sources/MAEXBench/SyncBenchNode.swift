import Foundation
import Logging
import MAEXClient
import MAEXCore
import MAEXNode
import MAEXStore

/// A `maex-node serve` child process for the sync benchmarks, on a free port of 127.0.0.1.
final class SyncBenchNode {
    /// The node's data folder.
    let folder: URL
    /// Its port.
    let port: Int
    private var process: Process?

    /// Creates the node's folder (key and `node.json`) for `realm`, in the network of `root`.
    init(folder: URL, realm: String, root: NodeID = SigningKey().nodeID) throws {
        self.folder = folder
        _ = try NodeDirectory.create(
            at: folder, name: "Bench \(folder.lastPathComponent)", role: .province, scope: ["PV29"], realm: realm, root: root)
        port = try Self.freePort()
    }

    /// The node's base URL.
    var url: String { "http://127.0.0.1:\(port)/" }

    /// The process id while it runs.
    var pid: Int32? { process?.isRunning == true ? process?.processIdentifier : nil }

    /// Opens the node's store without certificate checks (only while the node is not running),
    /// to write a benchmark's fixture straight into its log: the sync benchmarks measure moving
    /// change sets, and their many fixture authors hold no certificates. A node itself always
    /// opens its store with its network's root.
    func openFixtureStore() throws -> NodeStore {
        let directory = try NodeDirectory.open(at: folder)
        return try NodeStore(path: directory.storeURL.path, realm: directory.info.realm, logger: SyncBench.logger)
    }

    /// Starts `maex-node serve` (found beside this benchmark's executable) and waits for `/healthz`.
    func start(_ extra: [String] = []) throws {
        let executable = Self.nodeExecutable()
        guard FileManager.default.isExecutableFile(atPath: executable.path) else {
            throw SyncBenchError.missingExecutable(executable.path)
        }
        let process = Process()
        process.executableURL = executable
        process.arguments = ["serve", "--exit-with-parent", "--data", folder.path, "--listen", "127.0.0.1:\(port)"] + extra
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        var environment = ProcessInfo.processInfo.environment
        environment["MAEX_LOG_LEVEL"] = "error"
        process.environment = environment
        try process.run()
        self.process = process
        let client = try PeerClient(url: url, configuration: SyncBench.quick, logger: SyncBench.logger, signingKey: SyncBench.callerKey)
        let deadline = Date().addingTimeInterval(30)
        while Date() < deadline {
            guard process.isRunning else { throw SyncBenchError.nodeDied(url) }
            if (try? client.transport.sendOnce(.get("/healthz")))?.isSuccess == true { return }
            Thread.sleep(forTimeInterval: 0.05)
        }
        throw SyncBenchError.nodeDied(url)
    }

    /// Stops the process (SIGTERM, then SIGKILL) and removes nothing.
    func stop() {
        guard let process, process.isRunning else { return }
        process.terminate()
        let deadline = Date().addingTimeInterval(10)
        while process.isRunning, Date() < deadline { Thread.sleep(forTimeInterval: 0.01) }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
    }

    /// The peak resident set size of the running process (`VmHWM`), in bytes.
    func peakResidentBytes() -> Int? {
        guard let pid, let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8) else { return nil }
        guard let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }) else { return nil }
        let kilobytes = line.split(separator: " ").compactMap { Int($0) }.first
        return kilobytes.map { $0 * 1024 }
    }

    /// `maex-node` beside this executable.
    static func nodeExecutable() -> URL {
        let me = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")).map { URL(fileURLWithPath: $0) }
            ?? URL(fileURLWithPath: CommandLine.arguments[0])
        return me.deletingLastPathComponent().appendingPathComponent("maex-node")
    }

    /// A free TCP port on 127.0.0.1 (bind port 0, read it, close).
    static func freePort() throws -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw SyncBenchError.noPort }
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let ok = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) == 0 && getsockname(fd, $0, &length) == 0 }
        }
        guard ok else { throw SyncBenchError.noPort }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}

/// Why a sync benchmark could not run.
enum SyncBenchError: Error, CustomStringConvertible {
    case missingExecutable(String)
    case nodeDied(String)
    case noPort
    case incomplete(String)

    var description: String {
        switch self {
        case .missingExecutable(let path): "maex-node not found at \(path) (build it: swift build -c release --product maex-node)"
        case .nodeDied(let url): "the node at \(url) did not start"
        case .noPort: "no free port on 127.0.0.1"
        case .incomplete(let what): "incomplete: \(what)"
        }
    }
}
