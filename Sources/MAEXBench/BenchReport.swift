import Foundation

/// Collects benchmark results and writes them as Markdown.
final class BenchReport {
    private var sections: [(title: String, lines: [String])] = []

    /// Starts a new section.
    func section(_ title: String) {
        sections.append((title, []))
        print("\n## \(title)")
    }

    /// Adds a line to the current section and prints it.
    func line(_ text: String) {
        print(text)
        if sections.isEmpty { sections.append(("Results", [])) }
        sections[sections.count - 1].lines.append(text)
    }

    /// The whole report.
    func markdown(command: String, machine: String) -> String {
        var text = "# Benchmarks\n\nProduced by `\(command)` (release build) on \(machine).\n"
        text += "Ratios compare against a baseline measured in the same run, since the machine is noisy.\n"
        for section in sections {
            text += "\n## \(section.title)\n\n" + section.lines.joined(separator: "\n") + "\n"
        }
        return text
    }
}

/// Measures wall time of a block, in seconds.
func measure(_ body: () throws -> Void) rethrows -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    try body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}

/// The median of several timed runs, in seconds.
func median(runs: Int, _ body: () throws -> Void) rethrows -> Double {
    var times: [Double] = []
    for _ in 0..<runs { times.append(try measure(body)) }
    return times.sorted()[times.count / 2]
}

/// Formats a rate.
func rate(_ count: Int, _ seconds: Double) -> String {
    let perSecond = Double(count) / seconds
    return perSecond >= 10_000 ? String(format: "%.0f/s", perSecond) : String(format: "%.1f/s", perSecond)
}
