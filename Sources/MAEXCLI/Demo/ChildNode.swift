import Foundation
import Synchronization

/// A `maex-node serve` child process of the demo.
///
/// Started with `--exit-with-parent`, so it ends by itself if the demo dies; `stop()` ends it
/// with SIGTERM (graceful), then SIGKILL after a grace period. Its output goes to a log file.
final class ChildNode: Sendable {
    /// The node's key (for messages).
    let key: String
    /// The log file.
    let logPath: String
    private let process: Mutex<Process?>

    /// Starts `executable serve arguments...`, writing its output to `logPath`.
    init(key: String, executable: URL, arguments: [String], logPath: String) throws {
        self.key = key
        self.logPath = logPath
        _ = FileManager.default.createFile(atPath: logPath, contents: nil)
        let log = try FileHandle(forWritingTo: URL(fileURLWithPath: logPath))
        log.seekToEndOfFile()
        let process = Process()
        process.executableURL = executable
        process.arguments = ["serve", "--exit-with-parent"] + arguments
        process.standardOutput = log
        process.standardError = log
        process.standardInput = FileHandle.nullDevice
        try process.run()
        try? log.close()
        self.process = Mutex(process)
    }

    /// The process id, while it runs.
    var pid: Int32? { process.withLock { $0?.isRunning == true ? $0?.processIdentifier : nil } }

    /// Whether it still runs.
    var isRunning: Bool { process.withLock { $0?.isRunning ?? false } }

    /// Stops the process: SIGTERM, then SIGKILL after `grace`. Returns when it has exited.
    func stop(grace: Duration = .seconds(5)) {
        guard let running = process.withLock({ $0 }), running.isRunning else { return }
        running.terminate()
        let deadline = ContinuousClock.now + grace
        while running.isRunning, ContinuousClock.now < deadline { Thread.sleep(forTimeInterval: 0.02) }
        if running.isRunning {
            kill(running.processIdentifier, SIGKILL)
            running.waitUntilExit()
        }
    }

    /// The last lines of its log, for error messages.
    func logTail(lines: Int = 5) -> String {
        let text = (try? String(contentsOfFile: logPath, encoding: .utf8)) ?? ""
        return text.split(separator: "\n").suffix(lines).joined(separator: "\n")
    }
}
