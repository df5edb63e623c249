import Dispatch
import Foundation

/// Runs one of `make soak`'s Python scripts (`scripts/NAME`) against the built `maex-node` and
/// reads the table it prints.
struct SoakScript {
    /// The exit status.
    let status: Int32
    /// What it printed on stdout: the Markdown table of figures.
    let table: String
    /// What it printed on stderr.
    let problems: String

    /// Runs `scripts/name` with `--binary` (the built `maex-node`) and `arguments`; stdout and
    /// stderr are read together, so neither pipe can fill up and stall the script.
    static func run(_ name: String, _ arguments: [String]) throws -> SoakScript {
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("scripts/\(name)")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", script.path, "--binary", try CLI.executable().path] + arguments
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let group = DispatchGroup()
        nonisolated(unsafe) var problems = Data()
        DispatchQueue.global().async(group: group) { problems = errors.fileHandleForReading.readDataToEndOfFile() }
        let table = output.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        return SoakScript(
            status: process.terminationStatus, table: String(decoding: table, as: UTF8.self), problems: String(decoding: problems, as: UTF8.self))
    }

    /// The number in the row `| name | N |` of the table.
    func figure(_ name: String) -> Int? {
        table.split(separator: "\n").first { $0.hasPrefix("| \(name) |") }
            .flatMap { $0.split(separator: "|").last.flatMap { Int($0.trimmingCharacters(in: .whitespaces)) } }
    }
}
