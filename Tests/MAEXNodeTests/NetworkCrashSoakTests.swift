import Foundation
import XCTest

/// The short version of `make soak`'s crash part: `scripts/soak_crash.py` kills a serving
/// node with SIGKILL at random moments while another node pushes to it with `maex-node sync`;
/// after every kill each acknowledged change set is in the log exactly once and
/// `integrity_check` and `maex-node verify` pass.
final class NetworkCrashSoakTests: XCTestCase {
    func testEightKillsLoseNothingAndApplyNothingTwice() throws {
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("scripts/soak_crash.py")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", script.path, "--binary", try CLI.executable().path, "--kills", "8", "--seed", "20261204"]
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let table = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let problems = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0, table + problems)
        func figure(_ name: String) -> Int? {
            table.split(separator: "\n").first { $0.hasPrefix("| \(name) |") }
                .flatMap { $0.split(separator: "|").last.flatMap { Int($0.trimmingCharacters(in: .whitespaces)) } }
        }
        XCTAssertEqual(figure("kills (SIGKILL of the serving node)"), 8, table)
        XCTAssertGreaterThan(figure("acknowledged change sets") ?? 0, 0, table)
        XCTAssertEqual(figure("acknowledged but lost"), 0, table)
        XCTAssertEqual(figure("applied twice or log gaps"), 0, table)
        XCTAssertEqual(figure("integrity_check failures"), 0, table)
        XCTAssertEqual(figure("maex-node verify failures"), 0, table)
    }
}
