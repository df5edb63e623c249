import Foundation
import Logging
import MAEXCore
import MAEXNode
import MAEXStore
import XCTest

/// A wall clock the test sets by hand.
final class ManualClock: @unchecked Sendable {
    private let lock = NSLock()
    private var now: Int64

    init(_ start: Int64) { now = start }

    /// The current reading.
    func read() -> Int64 { lock.withLock { now } }

    /// Sets the reading (it may go backwards, as real wall clocks do).
    func set(_ value: Int64) { lock.withLock { now = value } }

    /// A closure reading this clock, for `LocalAuthor`.
    var closure: @Sendable () -> Int64 { { [self] in read() } }
}

/// A node for authoring tests: a fresh key, a store in a temporary folder and an author.
struct AuthoringTestNode {
    static let realm = "maex-test"
    static let start: Int64 = 1_780_000_000_000

    let key: SigningKey
    let store: NodeStore
    let clock: ManualClock
    let author: LocalAuthor
    let folder: URL

    /// A node limited to `municipalities` (nil: unlimited) in a new temporary folder.
    init(municipalities: Set<String>? = ["GM0718"], clock: ManualClock = ManualClock(AuthoringTestNode.start), folder: URL? = nil) throws {
        let folder = try folder ?? AuthoringTestNode.temporaryFolder()
        let key = SigningKey()
        let store = try NodeStore(path: folder.appendingPathComponent("maex.sqlite").path, realm: Self.realm, logger: Logger(label: "test"))
        self.key = key
        self.store = store
        self.clock = clock
        self.folder = folder
        self.author = LocalAuthor(
            store: store, key: key, realm: Self.realm, municipalities: municipalities,
            lock: FileLock(path: folder.appendingPathComponent("node.lock").path), wallClock: clock.closure,
            logger: Logger(label: "test"))
    }

    /// A new empty temporary folder.
    static func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("maex-authoring-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Everything observable about the store: digest, log and vector.
    func fingerprint() throws -> String {
        let log = try store.log(limit: 10_000).map { "\($0.author.hex)#\($0.seq)#\($0.id.hex)" }
        return try store.digest() + "|" + log.joined(separator: ",") + "|\(try store.changeSetCount())"
    }

    /// Copies every change set this node lacks from `other` and returns the outcomes.
    @discardableResult
    func pull(from other: AuthoringTestNode) throws -> [ReceiveOutcome] {
        let have = try store.vector().mapValues(\.seq)
        let missing = try other.store.changeSets(missingFrom: have, maxCount: 10_000, maxBytes: 100_000_000).items
        return try store.receive(missing, nowMilliseconds: clock.read())
    }
}

/// Values of a valid new initiative in `municipality`.
func initiativeValues(_ name: String = "Repair Café", municipality: String = "GM0718") -> [String: JSONValue] {
    ["name": .string(name), "municipality": .string(municipality), "sdgs": .array([.int(11), .int(12)])]
}

/// Asserts that `body` throws exactly `expected`.
func XCTAssertAuthoringError<T>(
    _ expected: AuthoringError, _ body: () throws -> T, file: StaticString = #filePath, line: UInt = #line
) {
    do {
        _ = try body()
        XCTFail("expected \(expected), but nothing was thrown", file: file, line: line)
    } catch let error as AuthoringError {
        XCTAssertEqual(error, expected, file: file, line: line)
    } catch {
        XCTFail("expected \(expected), got \(error)", file: file, line: line)
    }
}
