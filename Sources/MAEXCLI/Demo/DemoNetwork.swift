import Foundation
import Logging
import MAEXClient
import MAEXCore
import MAEXNode
import MAEXStore
import MAEXWire
import Synchronization

/// The demo's five nodes: their folders, their child processes and clients to their APIs.
final class DemoNetwork: Sendable {
    /// The nodes, national first.
    let nodes: [DemoNode]
    /// The folder holding every node's folder and the logs.
    let root: URL
    /// Seconds between sync rounds of the children.
    let syncInterval: Double
    private let executable: URL
    private let children = Mutex<[String: ChildNode]>([:])
    private let clients: [String: PeerClient]
    let logger: Logger

    /// The marker file that lets the demo clear a folder it made before.
    static let markerName = ".maex-demo"

    init(nodes: [DemoNode], root: URL, syncInterval: Double, logger: Logger) throws {
        self.nodes = nodes
        self.root = root
        self.syncInterval = syncInterval
        self.logger = logger
        executable = Self.currentExecutable()
        let quick = HTTPTransportConfiguration(connectTimeout: .seconds(2), totalTimeout: .seconds(10), retry: .none)
        var clients: [String: PeerClient] = [:]
        for node in nodes { clients[node.key] = try PeerClient(url: node.url, configuration: quick, logger: logger) }
        self.clients = clients
    }

    /// This program's executable (the children run the same binary).
    static func currentExecutable() -> URL {
        let link = URL(fileURLWithPath: "/proc/self/exe")
        if let target = try? FileManager.default.destinationOfSymbolicLink(atPath: link.path) {
            return URL(fileURLWithPath: target)
        }
        return URL(fileURLWithPath: CommandLine.arguments[0]).standardizedFileURL
    }

    /// The node with `key`.
    func node(_ key: String) -> DemoNode {
        guard let node = nodes.first(where: { $0.key == key }) else { preconditionFailure("no demo node \(key)") }
        return node
    }

    /// The API client of a node.
    func client(_ key: String) -> PeerClient {
        guard let client = clients[key] else { preconditionFailure("no demo node \(key)") }
        return client
    }

    /// The data folder of a node.
    func folder(_ key: String) -> URL { root.appendingPathComponent(key) }

    // MARK: Folders

    /// Empties `root` (only when the demo made it) and creates every node's folder and key.
    func prepareFolders() throws -> [String: NodeID] {
        let manager = FileManager.default
        if manager.fileExists(atPath: root.path) {
            let contents = try manager.contentsOfDirectory(atPath: root.path)
            guard contents.isEmpty || contents.contains(Self.markerName) else {
                throw DemoError.foreignFolder(root.path)
            }
            try manager.removeItem(at: root)
        }
        try manager.createDirectory(at: root.appendingPathComponent("logs"), withIntermediateDirectories: true)
        _ = manager.createFile(atPath: root.appendingPathComponent(Self.markerName).path, contents: Data("maex-node demo\n".utf8))
        var ids: [String: NodeID] = [:]
        var root: NodeID?
        for node in nodes.sorted(by: { ($0.role == .national ? 0 : 1) < ($1.role == .national ? 0 : 1) }) {
            let directory = try NodeDirectory.create(
                at: folder(node.key), name: node.name, role: node.role, scope: node.scope, root: node.role == .national ? nil : root)
            if node.role == .national { root = directory.nodeID }
            ids[node.key] = directory.nodeID
        }
        return ids
    }

    /// Runs `body` with a register editor of a stopped node (its own key and scope), as
    /// `maex-node initiative ...` would.
    @discardableResult
    func editRegister<T>(_ key: String, _ body: (RegisterEditor) throws -> T) throws -> T {
        try withStopped(key) { directory, store in
            try body(RegisterEditor(store: store, author: directory.makeAuthor(store: store, logger: logger)))
        }
    }

    /// The digest of a node's register read from its folder (for a stopped node).
    func offlineDigest(_ key: String) throws -> String {
        let directory = try NodeDirectory.open(at: folder(key))
        return try directory.openStore(logger: logger).digest()
    }

    // MARK: Processes

    /// Starts a node's `serve` process and waits until it answers `/healthz`.
    func start(_ key: String) async throws {
        let node = node(key)
        var arguments = ["--data", folder(key).path, "--listen", "127.0.0.1:\(node.port)", "--sync-interval", "\(syncInterval)"]
        for peer in node.peers { arguments += ["--peer", self.node(peer).url] }
        let log = root.appendingPathComponent("logs/\(key).log").path
        let child = try ChildNode(key: key, executable: executable, arguments: arguments, logPath: log)
        children.withLock { $0[key] = child }
        let deadline = ContinuousClock.now + .seconds(30)
        while ContinuousClock.now < deadline {
            guard child.isRunning else { throw DemoError.nodeDied(key: key, log: log, tail: child.logTail()) }
            if (try? await client(key).health()) != nil { return }
            try await Task.sleep(for: .milliseconds(100))
        }
        throw DemoError.nodeDied(key: key, log: log, tail: "it did not answer /healthz within 30 s")
    }

    /// Stops a node's process (graceful, then forced).
    func stop(_ key: String) {
        let child = children.withLock { $0.removeValue(forKey: key) }
        child?.stop()
    }

    /// Stops every process the demo started.
    func stopAll() {
        let all = children.withLock { children in
            defer { children.removeAll() }
            return Array(children.values)
        }
        for child in all { child.stop() }
    }

    // MARK: Observing

    /// Every running node's digest, by key; `nil` for a node that does not answer.
    func digests(_ keys: [String]) async -> [String: String?] {
        var result: [String: String?] = [:]
        for key in keys { result[key] = try? await client(key).digest().value.digest }
        return result
    }

    /// Waits until every node in `keys` reports the same digest; returns it.
    func waitForConvergence(_ keys: [String], timeout: Duration) async throws -> String {
        let deadline = ContinuousClock.now + timeout
        var last: [String: String?] = [:]
        while ContinuousClock.now < deadline {
            last = await digests(keys)
            let values = Set(last.values)
            if values.count == 1, let only = values.first, let digest = only { return digest }
            try await Task.sleep(for: .milliseconds(250))
        }
        throw DemoError.noConvergence(last.mapValues { $0 ?? "(no answer)" })
    }
}

/// Why the demo could not go on.
enum DemoError: Error, CustomStringConvertible {
    /// The data folder exists and was not made by the demo.
    case foreignFolder(String)
    /// A node process ended or never became healthy.
    case nodeDied(key: String, log: String, tail: String)
    /// The nodes did not reach the same digest in time.
    case noConvergence([String: String])
    /// A node's certificate was not stored.
    case enrolment(String, String)

    var description: String {
        switch self {
        case .foreignFolder(let path):
            "\(path) exists and was not made by the demo; choose another folder with --data"
        case .nodeDied(let key, let log, let tail):
            "the \(key) node did not start (is its port in use? try --base-port); see \(log): \(tail)"
        case .noConvergence(let digests):
            "the nodes did not converge in time: " + digests.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
        case .enrolment(let key, let outcome): "the \(key) node's certificate was not stored: \(outcome)"
        }
    }
}
