import Foundation
import Logging
import MAEXClient
import MAEXCore
import MAEXNode
import MAEXStore
import MAEXWire
import Synchronization
import XCTest

#if canImport(Glibc)
import Glibc
#endif

/// A `maex-node serve` child process of a network test, on 127.0.0.1.
///
/// Started with `--exit-with-parent`, so it ends by itself if the test runner dies; tests stop
/// it in `tearDown` (`TestNetwork.stopAll()`), also when a test failed.
final class NodeProcess: @unchecked Sendable {
    // @unchecked: `process` is touched only from the test's own task, one call at a time.
    /// The node's name in the test.
    let name: String
    /// Its data folder.
    let folder: URL
    /// Its port on 127.0.0.1.
    let port: Int
    /// Its log file (stdout and stderr of every run).
    let logURL: URL
    private var process: Process?

    init(name: String, folder: URL, port: Int, logURL: URL) {
        self.name = name
        self.folder = folder
        self.port = port
        self.logURL = logURL
    }

    /// The node's base URL (`https` when the test serves it with TLS).
    var url: String { "\(tls == nil ? "http" : "https")://127.0.0.1:\(port)/" }

    /// How the test's clients check the node's certificate, when it serves HTTPS.
    var tls: PeerTLS?

    /// Whether its process runs.
    var isRunning: Bool { process?.isRunning ?? false }

    /// The key the test's own clients sign with (the network's root, a member everywhere, so
    /// a test may push as a relay would).
    var clientKey: SigningKey = TestNetwork.observerKey

    /// A client for its API, with short timeouts and no retries, signing with `clientKey`.
    func client() throws -> PeerClient {
        var configuration = TestNetwork.quickTransport
        if let tls { configuration.tls = tls }
        return try PeerClient(url: url, configuration: configuration, logger: TestNetwork.logger, signingKey: clientKey)
    }

    /// A client signing as a key outside the network (it may read the sync state, not push).
    func outsiderClient() throws -> PeerClient {
        try PeerClient(url: url, configuration: TestNetwork.quickTransport, logger: TestNetwork.logger, signingKey: TestNetwork.observerKey)
    }

    /// Starts `serve` with `extra` arguments (peers, interval, ...) and waits until it is healthy.
    func start(_ extra: [String] = []) async throws {
        precondition(!isRunning, "\(name) runs already")
        if !FileManager.default.fileExists(atPath: logURL.path) { _ = FileManager.default.createFile(atPath: logURL.path, contents: nil) }
        let log = try FileHandle(forWritingTo: logURL)
        log.seekToEndOfFile()
        let process = Process()
        process.executableURL = try CLI.executable()
        process.arguments = ["serve", "--exit-with-parent", "--data", folder.path, "--listen", "127.0.0.1:\(port)"] + extra
        process.standardOutput = log
        process.standardError = log
        process.standardInput = FileHandle.nullDevice
        try process.run()
        try log.close()
        self.process = process
        try await waitUntilHealthy()
    }

    /// Polls `/healthz` until it answers; fails with the log's tail when the process ends first.
    func waitUntilHealthy(timeout: Duration = .seconds(30)) async throws {
        let client = try client()
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            guard isRunning else { throw NetworkTestError.died(name, logTail()) }
            if (try? await client.health()) != nil { return }
            try await Task.sleep(for: .milliseconds(50))
        }
        throw NetworkTestError.timedOut("\(name) did not become healthy; log: \(logTail())")
    }

    /// SIGTERM, then SIGKILL after 10 s; returns when the process has exited.
    func stop() {
        guard let process, process.isRunning else { return }
        process.terminate()
        let deadline = Date().addingTimeInterval(10)
        while process.isRunning, Date() < deadline { Thread.sleep(forTimeInterval: 0.01) }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
    }

    /// SIGKILL now; returns when the process has exited.
    func kill9() {
        guard let process, process.isRunning else { return }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }

    /// The last lines of the log.
    func logTail(lines: Int = 15) -> String {
        let text = (try? String(contentsOf: logURL, encoding: .utf8)) ?? ""
        return text.split(separator: "\n").suffix(lines).joined(separator: "\n")
    }
}

/// Several node folders and processes under one temporary folder, removed at the end.
final class TestNetwork: @unchecked Sendable {
    static let logger: Logger = {
        var logger = Logger(label: "maex.test.network")
        logger.logLevel = .critical
        return logger
    }()

    /// A key outside every test network.
    static let observerKey = SigningKey()
    /// Short timeouts and no retries: a test waits on its own terms.
    static let quickTransport = HTTPTransportConfiguration(
        connectTimeout: .seconds(2), totalTimeout: .seconds(60), maxResponseBytes: 64 << 20, retry: .none)

    /// The temporary folder.
    let root: URL
    private(set) var nodes: [String: NodeProcess] = [:]
    /// The network's root key: a national node added to the network uses it.
    let rootKey: SigningKey
    /// The certificates the root issued, its chain in order.
    private var rootChain: [SignedChangeSet]

    /// A network with a fresh root, or the root of a bulk template (whose certificates it
    /// continues), so template data is valid in it.
    init(root networkRoot: (key: SigningKey, chain: [SignedChangeSet])? = nil) throws {
        rootKey = networkRoot?.key ?? SigningKey()
        rootChain = networkRoot?.chain ?? []
        root = FileManager.default.temporaryDirectory.appendingPathComponent("maex-net-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    }

    /// Creates a node folder (key and `node.json`) and reserves a free port for it. A national
    /// node holds the network's root key; any other is certified by the root (its certificate
    /// is stored in its store, as `trust import` would) before it starts.
    @discardableResult
    func addNode(_ name: String, role: NodeRole, scope: [String]) throws -> NodeProcess {
        let folder = root.appendingPathComponent(name)
        if role == .national {
            _ = try NodeDirectory.create(at: folder, name: name, role: role, scope: scope, key: rootKey)
        } else {
            let directory = try NodeDirectory.create(at: folder, name: name, role: role, scope: scope, root: rootKey.nodeID)
            guard let trustRole = directory.info.trustRole else { preconditionFailure("a certified node has a trust role") }
            certify(Grant(node: directory.nodeID, role: trustRole, scope: scope))
        }
        try enroll(folder)
        // Every stopped node gets every certificate issued so far, as if they had synced.
        for other in nodes.values where !other.isRunning { try enroll(other.folder) }
        let node = NodeProcess(
            name: name, folder: root.appendingPathComponent(name), port: try FreePort.next(),
            logURL: root.appendingPathComponent("\(name).log"))
        node.clientKey = rootKey
        nodes[name] = node
        return node
    }

    private func certify(_ grant: Grant) {
        rootChain.append(Self.certificate(grant, after: rootChain, by: rootKey))
    }

    /// The root's next change set after `chain`, certifying `grant`.
    static func certificate(_ grant: Grant, after chain: [SignedChangeSet], by rootKey: SigningKey) -> SignedChangeSet {
        let clock = max(LocalAuthor.systemMilliseconds() - 7_200_000, (chain.last?.changeSet.hlc.milliseconds ?? 0) + 1)
        let changeSet = ChangeSet(
            realm: NodeInfo.defaultRealm, author: rootKey.nodeID, seq: Int64(chain.count + 1), prev: chain.last?.id,
            hlc: HLCTimestamp(milliseconds: clock, counter: 0), ops: [.trust(.grant(grant))])
        return changeSet.signed(with: rootKey)
    }

    /// Stores the root's certificates in a (stopped) node's store.
    func enroll(_ folder: URL) throws {
        guard !rootChain.isEmpty else { return }
        let store = try NodeDirectory.open(at: folder).openStore(logger: Self.logger)
        let outcomes = try store.receive(rootChain, nowMilliseconds: LocalAuthor.systemMilliseconds())
        precondition(outcomes.allSatisfy { $0 == .stored || $0 == .duplicate }, "enrolment failed: \(outcomes)")
    }

    subscript(name: String) -> NodeProcess {
        guard let node = nodes[name] else { preconditionFailure("no node \(name)") }
        return node
    }

    /// Stops every process (tests call it in `tearDown`) and removes the folder.
    func stopAll(removeFiles: Bool = true) {
        for node in nodes.values { node.stop() }
        if removeFiles { try? FileManager.default.removeItem(at: root) }
    }

    /// Opens a stopped node's folder: its directory and store.
    func open(_ name: String) throws -> (directory: NodeDirectory, store: NodeStore) {
        let directory = try NodeDirectory.open(at: self[name].folder)
        return (directory, try directory.openStore(logger: Self.logger))
    }

    /// A node's whole register over HTTP: every page of `/v1/initiatives`, in id order.
    static func register(of node: NodeProcess) async throws -> [WireInitiative] {
        let client = try node.client()
        var all: [WireInitiative] = []
        while true {
            let page = try await client.initiatives(offset: all.count, limit: 1000).value
            all += page.initiatives
            if page.initiatives.isEmpty || all.count >= page.total { return all }
        }
    }

    /// A node's vector over HTTP: author hex to highest sequence.
    static func vector(of node: NodeProcess) async throws -> [String: Int64] {
        try await node.client().vector().value.heads.mapValues(\.seq)
    }

    /// Polls until `condition` holds; fails with `describe()` after `timeout`.
    static func wait(
        timeout: Duration, _ what: String, every: Duration = .milliseconds(100),
        _ condition: () async throws -> Bool
    ) async throws {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            if try await condition() { return }
            try await Task.sleep(for: every)
        }
        throw NetworkTestError.timedOut(what)
    }
}

/// Why a network test could not go on.
enum NetworkTestError: Error, CustomStringConvertible {
    case died(String, String)
    case timedOut(String)
    case noFreePort(Int32)

    var description: String {
        switch self {
        case .died(let name, let log): "node \(name) exited; log:\n\(log)"
        case .timedOut(let what): "timed out: \(what)"
        case .noFreePort(let code): "cannot find a free port on 127.0.0.1 (errno \(code))"
        }
    }
}

/// Free TCP ports on 127.0.0.1: bind port 0, read the port the kernel chose, close.
enum FreePort {
    static func next() throws -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw NetworkTestError.noFreePort(errno) }
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0 else { throw NetworkTestError.noFreePort(errno) }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let named = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        guard named == 0 else { throw NetworkTestError.noFreePort(errno) }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}

/// Bulk test data written straight into a store before its node serves: signed change sets
/// that each create one initiative, without the authoring path's per-edit transaction.
enum BulkData {
    /// Appends `count` change sets by `key` (continuing its chain in `store`), each creating one
    /// initiative of `opsPerChangeSet` fields (at least name and municipality), in batches.
    static func addInitiatives(
        _ count: Int, by key: SigningKey, into store: NodeStore, municipality: String = "GM0718", opsPerChangeSet: Int = 3,
        startMilliseconds: Int64 = LocalAuthor.systemMilliseconds() - 3_600_000
    ) throws {
        var head = try store.vector()[key.nodeID]
        var deps: [NodeID: Int64] = [:]
        for held in try store.certificates(of: key.nodeID) where !held.isWithdrawn {
            deps[held.carrier.author] = max(deps[held.carrier.author] ?? 0, held.carrier.seq)
        }
        var batch: [SignedChangeSet] = []
        for index in 0..<count {
            let seq = (head?.seq ?? 0) + 1
            let hlc = HLCTimestamp(milliseconds: max(startMilliseconds + Int64(index), (head?.hlc.milliseconds ?? 0) + 1), counter: 0)
            let record = RecordKey(type: "initiative", id: UUID().uuidString.lowercased())
            var ops: [ChangeOperation] = [
                .set(SetOperation(record: record, field: "municipality", value: .string(municipality))),
                .set(SetOperation(record: record, field: "name", value: .string("Initiatief \(seq) van \(key.nodeID.hex.prefix(6))"))),
            ]
            let extra = ["description", "address", "alternate_name"]
            for field in extra.prefix(max(0, opsPerChangeSet - 2)) {
                ops.append(.set(SetOperation(record: record, field: field, value: .string("\(field) \(seq): buurtinitiatief in de wijk"))))
            }
            let changeSet = ChangeSet(
                realm: store.realm, author: key.nodeID, seq: seq, prev: head?.id, hlc: hlc, deps: deps, ops: ops)
            let signed = changeSet.signed(with: key)
            batch.append(signed)
            head = AuthorHead(seq: seq, id: signed.id, hlc: hlc)
            if batch.count == 2000 || index == count - 1 {
                let outcomes = try store.receive(batch, nowMilliseconds: hlc.milliseconds + 1000)
                guard outcomes.allSatisfy({ $0 == .stored }) else {
                    throw NetworkTestError.timedOut("bulk data not stored: \(outcomes.first { $0 != .stored } ?? .stored)")
                }
                batch.removeAll(keepingCapacity: true)
            }
        }
    }
}

/// A store file holding 10,000 initiatives from two authors (5,000 change sets each), made
/// once per test run and copied into the node folders that need it: a node holding the copy
/// holds exactly the same change sets, as if it had synced.
enum BulkTemplate {
    /// What the template holds.
    struct Template: Sendable {
        /// The store file.
        let path: String
        /// The two authors.
        let authors: [NodeID]
        /// How many change sets it holds.
        let count: Int
        /// The root that certified the two authors, and its certificates.
        let root: (key: SigningKey, chain: [SignedChangeSet])
    }

    private static let made = Mutex<Template?>(nil)

    /// The template, made on first use.
    static func tenThousand() throws -> Template {
        try made.withLock { cached in
            if let cached { return cached }
            // One fixed folder, made anew by each test run, so runs leave at most one behind.
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("maex-bulk-template")
            try? FileManager.default.removeItem(at: folder)
            let path = folder.appendingPathComponent(NodeDirectory.storeFileName).path
            let keys = [SigningKey(), SigningKey()]
            let rootKey = SigningKey()
            var chain: [SignedChangeSet] = []
            for (key, code) in zip(keys, ["GM0718", "GM0716"]) {
                chain.append(TestNetwork.certificate(Grant(node: key.nodeID, role: .municipality, scope: [code]), after: chain, by: rootKey))
            }
            do {
                let store = try NodeStore(
                    path: path, realm: NodeInfo.defaultRealm, authority: .network(root: rootKey.nodeID), logger: TestNetwork.logger)
                _ = try store.receive(chain, nowMilliseconds: LocalAuthor.systemMilliseconds())
                try BulkData.addInitiatives(5000, by: keys[0], into: store, municipality: "GM0718")
                try BulkData.addInitiatives(5000, by: keys[1], into: store, municipality: "GM0716")
            }
            let template = Template(path: path, authors: keys.map(\.nodeID), count: 10_000 + chain.count, root: (rootKey, chain))
            cached = template
            return template
        }
    }

    /// Copies the template's store into a node folder, replacing the store it has; the caller
    /// enrolls the node again (`TestNetwork.enroll`) for certificates issued after the template.
    static func install(_ template: Template, into folder: URL) throws {
        let manager = FileManager.default
        let target = folder.appendingPathComponent(NodeDirectory.storeFileName).path
        for suffix in ["", "-wal", "-shm"] where manager.fileExists(atPath: target + suffix) {
            try manager.removeItem(atPath: target + suffix)
        }
        for suffix in ["", "-wal"] where manager.fileExists(atPath: template.path + suffix) {
            try manager.copyItem(atPath: template.path + suffix, toPath: target + suffix)
        }
    }
}

/// A small deterministic random generator (NetworkRandom), so a failing run can be replayed.
struct NetworkRandom: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
