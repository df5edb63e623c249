import Foundation
import XCTest

/// The short version of `make soak`'s hostile-client part: `scripts/soak_schemathesis.py` runs
/// schemathesis (installed by `make deps`) against a served node's `/openapi.json` with a few
/// examples per operation; every operation is tested and no answer is a server error.
final class NetworkSchemathesisTests: XCTestCase {
    func testFewExamplesPerOperationFindNoServerError() throws {
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("scripts/soak_schemathesis.py")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", script.path, "--binary", try CLI.executable().path, "--examples", "3", "--workers", "1"]
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
        let operations = try XCTUnwrap(figure("operations in the document"), table + problems)
        XCTAssertGreaterThan(operations, 20, table)
        XCTAssertEqual(figure("operations tested"), operations, "every operation is tested:\n\(table)")
        XCTAssertTrue(table.contains("| failed (server errors) | 0 |"), table)
        XCTAssertTrue(table.contains("| node still running | yes |"), table)
    }
}
