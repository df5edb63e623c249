import Foundation
import MAEXCore
import MAEXStore
import XCTest
#if canImport(Glibc)
import Glibc
import MAEXTestSupport
#endif

/// Crash safety: the `maex-store-crash-child` executable applies a deterministic stream of
/// signed change sets in batches and reports each stored one after its commit; this test kills
/// it with SIGKILL at random moments at least 30 times, restarting it each time, and then
/// checks that nothing reported was lost, nothing was applied twice, SQLite is intact, and the
/// register equals both a rebuild and a `MemoryReplica` fed the same stream.
final class StoreCrashTests: XCTestCase {
    static let streamCount = 2_000
    static let requiredKills = 30
    static let realm = "maex-crash-test"

    func testKilledChildLosesNothingAcknowledged() throws {
        let started = Date()
        let child = try Self.childBinary()
        let directory = try makeTemporaryDirectory(self)
        let seed = UInt64.random(in: 1...1_000_000)
        var rng = SeededGenerator(seed: seed)
        let context = "seed \(seed), data in \(directory.path)"

        let generated = try Self.run(child, ["generate", directory.path, "\(seed)", "\(Self.streamCount)"], directory: directory, name: "generate")
        XCTAssertEqual(generated.status, 0, "generate failed: \(generated.stderr) (\(context))")
        let stream = try Self.readStream(directory.appendingPathComponent("stream.bin"))
        XCTAssertEqual(stream.count, Self.streamCount, context)

        var reported: [String] = []
        var kills = 0
        var runs = 0
        var finished = false
        while kills < Self.requiredKills, runs < Self.requiredKills * 3 {
            runs += 1
            // Mostly after a random number of reported commits, sometimes right at start-up
            // (while the store opens and recovers its WAL).
            let trigger: KillTrigger =
                rng.chance(0.2)
                ? .afterMilliseconds(Int.random(in: 0...60, using: &rng))
                : .afterLines(Int.random(in: 1...40, using: &rng), jitterMicroseconds: Int.random(in: 0...30_000, using: &rng))
            let batchSize = Int.random(in: 5...40, using: &rng)
            let result = try Self.runKilling(child, directory: directory, run: runs, batchSize: batchSize, trigger: trigger)
            reported += result.stored
            if result.killed {
                kills += 1
            } else {
                XCTAssertEqual(result.status, 0, "run \(runs) failed: \(result.stderr) (\(context))")
                finished = result.done
                if finished { break }
            }
        }
        XCTAssertGreaterThanOrEqual(kills, Self.requiredKills, "the child finished before it was killed often enough (\(context))")
        XCTAssertFalse(finished, "the stream was complete before the last kill; the test kills too late (\(context))")
        XCTAssertGreaterThan(reported.count, 0, context)

        // Let it finish.
        let last = try Self.runKilling(child, directory: directory, run: runs + 1, batchSize: 25, trigger: .never)
        XCTAssertEqual(last.status, 0, "final run failed: \(last.stderr) (\(context))")
        XCTAssertTrue(last.done, "final run did not finish (\(context))")
        reported += last.stored

        let store = try NodeStore(
            path: directory.appendingPathComponent("node.sqlite").path, realm: Self.realm, logger: testLogger())
        let log = try store.log(limit: Self.streamCount * 2)
        let logIDs = log.map(\.id.hex)
        XCTAssertEqual(log.count, Self.streamCount, "every change set is in the log exactly once (\(context))")
        XCTAssertEqual(Set(logIDs).count, logIDs.count, "no change set in the log twice (\(context))")
        let missing = Set(reported).subtracting(logIDs)
        XCTAssertEqual(missing, [], "reported as stored but not in the log (\(context))")
        XCTAssertEqual(try store.pendingCount(), 0, context)
        XCTAssertEqual(try store.quarantine().map(\.reason), [], context)
        XCTAssertEqual(try store.verify(), [], "integrity_check, signatures, chains and derived state (\(context))")

        var oracle = MemoryReplica(realm: Self.realm)
        for item in stream {
            let signed = try SignedChangeSet.open(body: item.body, signature: item.signature, realm: Self.realm)
            oracle.receive(signed, nowMilliseconds: Int64.max / 4)
        }
        XCTAssertEqual(oracle.pending.count, 0, context)
        let digest = try store.digest()
        XCTAssertEqual(digest, oracle.register.digest, "store digest equals a MemoryReplica fed the same stream (\(context))")
        XCTAssertEqual(try store.vector().mapValues(\.seq), oracle.vector, context)
        try store.rebuild()
        XCTAssertEqual(try store.digest(), digest, "the register equals a rebuild from the log (\(context))")
        let elapsed = String(format: "%.1f", Date().timeIntervalSince(started))
        print("crash test: \(kills) kills in \(runs + 1) runs, \(reported.count) ids reported, \(elapsed) s, \(context)")
    }

    // MARK: - Running the child

    enum KillTrigger {
        case never
        case afterMilliseconds(Int)
        case afterLines(Int, jitterMicroseconds: Int)
    }

    struct RunResult {
        var stored: [String]
        var done: Bool
        var killed: Bool
        var status: Int32
        var stderr: String
    }

    /// Runs `apply` once, killing it with SIGKILL when `trigger` fires (if still running).
    static func runKilling(_ child: URL, directory: URL, run: Int, batchSize: Int, trigger: KillTrigger) throws -> RunResult {
        let output = directory.appendingPathComponent("out-\(run).txt")
        let errors = directory.appendingPathComponent("err-\(run).txt")
        let process = try start(child, ["apply", directory.path, "\(batchSize)"], stdout: output, stderr: errors)
        let deadline = Date().addingTimeInterval(120)
        switch trigger {
        case .never:
            break
        case .afterMilliseconds(let ms):
            usleep(useconds_t(ms * 1_000))
        case .afterLines(let lines, let jitter):
            while process.isRunning, Date() < deadline, completeLines(output).filter({ $0.hasPrefix("stored ") }).count < lines {
                usleep(2_000)
            }
            usleep(useconds_t(jitter))
        }
        var killed = false
        if case .never = trigger {} else if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            killed = true
        }
        while process.isRunning {
            guard Date() < deadline else {
                kill(process.processIdentifier, SIGKILL)
                throw CrashTestError("the child did not finish within 120 s")
            }
            usleep(5_000)
        }
        process.waitUntilExit()
        if killed, process.terminationReason != .uncaughtSignal { killed = false }
        let lines = completeLines(output)
        return RunResult(
            stored: lines.filter { $0.hasPrefix("stored ") }.map { String($0.dropFirst(7)) },
            done: lines.last == "done", killed: killed, status: process.terminationStatus,
            stderr: (try? String(contentsOf: errors, encoding: .utf8)) ?? "")
    }

    /// Runs the child to completion.
    static func run(_ child: URL, _ arguments: [String], directory: URL, name: String) throws -> (status: Int32, stderr: String) {
        let errors = directory.appendingPathComponent("\(name).err")
        let process = try start(child, arguments, stdout: directory.appendingPathComponent("\(name).out"), stderr: errors)
        process.waitUntilExit()
        return (process.terminationStatus, (try? String(contentsOf: errors, encoding: .utf8)) ?? "")
    }

    private static func start(_ child: URL, _ arguments: [String], stdout: URL, stderr: URL) throws -> Process {
        FileManager.default.createFile(atPath: stdout.path, contents: nil)
        FileManager.default.createFile(atPath: stderr.path, contents: nil)
        let process = Process()
        process.executableURL = child
        process.arguments = arguments
        process.standardOutput = try FileHandle(forWritingTo: stdout)
        process.standardError = try FileHandle(forWritingTo: stderr)
        try process.run()
        return process
    }

    /// The lines of a file that end with a newline (a killed writer may leave half a line).
    static func completeLines(_ url: URL) -> [String] {
        guard let data = try? Data(contentsOf: url), !data.isEmpty else { return [] }
        var text = String(decoding: data, as: UTF8.self)
        if !text.hasSuffix("\n"), let cut = text.lastIndex(of: "\n") {
            text = String(text[...cut])
        } else if !text.hasSuffix("\n") {
            return []
        }
        return text.split(separator: "\n").map(String.init)
    }

    /// The built `maex-store-crash-child`, next to the test bundle in the build products.
    static func childBinary() throws -> URL {
        let name = "maex-store-crash-child"
        var directories = [
            Bundle(for: StoreCrashTests.self).bundleURL.deletingLastPathComponent(),
            Bundle.main.bundleURL,
            Bundle.main.bundleURL.deletingLastPathComponent(),
            URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent(),
        ]
        directories.append(URL(fileURLWithPath: FileManager.default.currentDirectoryPath).appendingPathComponent(".build/debug"))
        for directory in directories {
            let candidate = directory.appendingPathComponent(name)
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        throw CrashTestError(
            "\(name) not found in \(directories.map(\.path)); build it first: swift build --product \(name)")
    }

    /// Reads the child's stream file (see `Tests/StoreCrashChild/StreamFile.swift`).
    static func readStream(_ url: URL) throws -> [(body: [UInt8], signature: [UInt8])] {
        let bytes = [UInt8](try Data(contentsOf: url))
        var items: [(body: [UInt8], signature: [UInt8])] = []
        var offset = 0
        func integer(_ count: Int) throws -> Int {
            guard offset + count <= bytes.count else { throw CrashTestError("truncated stream file") }
            defer { offset += count }
            return bytes[offset..<offset + count].reversed().reduce(0) { $0 << 8 | Int($1) }
        }
        while offset < bytes.count {
            let bodyCount = try integer(4)
            let signatureCount = try integer(4)
            offset += 32 + 8
            guard offset + bodyCount + signatureCount <= bytes.count else { throw CrashTestError("truncated stream file") }
            let body = Array(bytes[offset..<offset + bodyCount])
            offset += bodyCount
            let signature = Array(bytes[offset..<offset + signatureCount])
            offset += signatureCount
            items.append((body, signature))
        }
        return items
    }
}

/// A failure of the crash test's harness.
struct CrashTestError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
