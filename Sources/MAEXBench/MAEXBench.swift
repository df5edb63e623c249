import Foundation

/// `maex-bench [--output FILE]`: runs every benchmark in this process and writes the Markdown report.
@main
struct MAEXBench {
    static func main() throws {
        let arguments = CommandLine.arguments
        let output = arguments.firstIndex(of: "--output").flatMap { arguments.indices.contains($0 + 1) ? arguments[$0 + 1] : nil }
        let report = BenchReport()
        CoreBench.run(report)
        try StoreBench.run(report)
        try SyncBench.run(report)
        let machine = "\(ProcessInfo.processInfo.activeProcessorCount) cores, \(ProcessInfo.processInfo.physicalMemory >> 30) GiB"
        let text = report.markdown(command: "make bench", machine: machine)
        if let output { try text.write(toFile: output, atomically: true, encoding: .utf8) }
    }
}
