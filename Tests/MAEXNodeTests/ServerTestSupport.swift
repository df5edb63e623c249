import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import MAEXCore
import MAEXStore
import MAEXTestSupport
import MAEXWire
import XCTest

@testable import MAEXNode

/// A served node for server tests: a node folder with a fresh key and store in a temporary
/// folder, a fixed wall clock, and the application built on it. The store is opened
/// unrestricted (no certificates checked): these tests are about HTTP; trust has its own tests.
struct ServerTestNode {
    static let realm = "maex-test"
    /// The node's wall clock: a little after every change set the tests author.
    static let now: Int64 = 1_780_000_100_000

    let folder: URL
    let directory: NodeDirectory
    let store: NodeStore
    var served: ServedNode
    /// Whether `app()` requires signed sync requests (off for tests of other concerns, which
    /// post to the sync endpoints without signing; `PeerAuth*Tests` and the live sync rounds
    /// turn it on).
    var requiresSignatures = false

    /// - Parameter wallClock: the served node's clock (fixed at `now` unless given; a node that
    ///   checks signatures' `created` against real clients needs the real one).
    init(
        name: String = "Gemeente Vlissingen", role: NodeRole = .municipality, scope: [String] = ["GM0718"],
        wallClock: @escaping @Sendable () -> Int64 = { ServerTestNode.now }
    ) throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("maex-server-\(UUID().uuidString)")
        directory = try NodeDirectory.create(
            at: folder, name: name, role: role, scope: scope, realm: Self.realm, root: role == .national ? nil : SigningKey().nodeID)
        store = try NodeStore(path: directory.storeURL.path, realm: Self.realm, logger: Logger(label: "test.store"))
        served = ServedNode(directory: directory, store: store, wallClock: wallClock, softwareVersion: "9.9.9-test")
    }

    /// Test settings: port 0, the default limits unless changed, peer authentication off.
    static func configuration(_ change: (inout NodeServerConfiguration) -> Void = { _ in }) -> NodeServerConfiguration {
        var configuration = NodeServerConfiguration(host: "127.0.0.1", port: 0)
        configuration.peerAuth.isRequired = false
        change(&configuration)
        return configuration
    }

    /// The application serving this node.
    func app(_ configuration: NodeServerConfiguration? = nil) -> some ApplicationProtocol {
        let requiresSignatures = self.requiresSignatures
        let configuration = configuration ?? Self.configuration { $0.peerAuth.isRequired = requiresSignatures }
        var logger = Logger(label: "test.server")
        logger.logLevel = .warning
        return buildApplication(configuration: configuration, node: served, logger: logger)
    }

    /// Removes the folder.
    func remove() { try? FileManager.default.removeItem(at: folder) }
}

/// A remote author writing a gapless chain of signed change sets.
final class TestAuthor: @unchecked Sendable {
    private var chain: ChainBuilder

    init(key: SigningKey = SigningKey(), start: Int64 = 1_780_000_000_000) {
        chain = ChainBuilder(key, realm: ServerTestNode.realm, startMilliseconds: start, step: 1)
    }

    var key: SigningKey { chain.key }
    var seq: Int64 { chain.seq }
    var id: NodeID { key.nodeID }

    /// The next change set of the chain.
    func next(_ ops: [ChangeOperation], deps: [NodeID: Int64] = [:]) -> SignedChangeSet {
        chain.next(ops, deps: deps)
    }

    /// A change set creating an initiative with `fields`.
    func create(_ id: String, _ fields: [String: JSONValue], deps: [NodeID: Int64] = [:]) -> SignedChangeSet {
        next(
            fields.sorted { $0.key < $1.key }.map { .set(SetOperation(record: initiative(id), field: $0.key, value: $0.value)) }, deps: deps
        )
    }

    /// A change set setting one field, superseding `pred`.
    func set(_ id: String, _ field: String, _ value: JSONValue, pred: [ChangeRef] = [], deps: [NodeID: Int64] = [:]) -> SignedChangeSet {
        next([.set(SetOperation(record: initiative(id), field: field, value: value, pred: pred))], deps: deps)
    }

    /// A change set deleting an initiative.
    func delete(_ id: String) -> SignedChangeSet { next([.delete(initiative(id))]) }
}

/// The key of initiative `id`.
func initiative(_ id: String) -> RecordKey { RecordKey(type: "initiative", id: id) }

/// A lowercase UUID that sorts by `number`.
func initiativeID(_ number: Int) -> String {
    let hex = String(number, radix: 16)
    return "00000000-0000-4000-8000-" + String(repeating: "0", count: 12 - hex.count) + hex
}

/// The fields of an initiative.
func initiativeFields(
    _ name: String, municipality: String = "GM0718", sdgs: [Int64] = [11], description: String? = nil
) -> [String: JSONValue] {
    var fields: [String: JSONValue] = [
        "name": .string(name), "municipality": .string(municipality), "sdgs": .array(sdgs.map(JSONValue.int)),
    ]
    if let description { fields["description"] = .string(description) }
    return fields
}

/// JSON request headers.
let jsonHeaders: HTTPFields = [.contentType: "application/json"]

/// Encodes a request body.
func jsonBody(_ value: some Encodable) throws -> ByteBuffer {
    ByteBuffer(bytes: try JSONEncoder().encode(value))
}

/// The wire form of change sets for a push.
func pushBody(_ changeSets: [SignedChangeSet]) throws -> ByteBuffer {
    try jsonBody(PushRequest(changesets: changeSets.map(WireChangeSet.init)))
}

extension TestResponse {
    /// Decodes the body as `T`, failing the test with the body when it does not decode.
    func decoded<T: Decodable>(_ type: T.Type, file: StaticString = #filePath, line: UInt = #line) throws -> T {
        do {
            return try JSONDecoder().decode(type, from: Data(body.readableBytesView))
        } catch {
            XCTFail("body does not decode as \(type): \(String(buffer: body))", file: file, line: line)
            throw error
        }
    }

    /// The error code of an `ErrorBody` answer.
    func errorCode(file: StaticString = #filePath, line: UInt = #line) throws -> String {
        XCTAssertEqual(headers[.contentType], "application/json; charset=utf-8", file: file, line: line)
        return try decoded(ErrorBody.self, file: file, line: line).error.code
    }
}

/// Runs a filter program (`gzip`), feeding `input` on stdin, and returns its stdout.
func runFilter(_ arguments: [String], input: [UInt8]) throws -> [UInt8] {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = arguments
    let stdin = Pipe()
    let stdout = Pipe()
    process.standardInput = stdin
    process.standardOutput = stdout
    try process.run()
    let writer = Thread {
        stdin.fileHandleForWriting.write(Data(input))
        try? stdin.fileHandleForWriting.close()
    }
    writer.start()
    let output = stdout.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    guard process.terminationStatus == 0 else {
        throw NSError(
            domain: "runFilter", code: Int(process.terminationStatus), userInfo: [NSLocalizedDescriptionKey: "\(arguments) failed"])
    }
    return Array(output)
}

/// Compresses with the system's `gzip`, independent of the server's code.
func gzip(_ buffer: ByteBuffer) throws -> ByteBuffer {
    ByteBuffer(bytes: try runFilter(["gzip", "-c", "-n"], input: Array(buffer.readableBytesView)))
}

/// Decompresses with the system's `gzip`.
func gunzip(_ buffer: ByteBuffer) throws -> ByteBuffer {
    ByteBuffer(bytes: try runFilter(["gzip", "-d", "-c"], input: Array(buffer.readableBytesView)))
}
