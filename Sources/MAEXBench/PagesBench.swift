import Foundation
import MAEXClient
import MAEXCore
import MAEXNode

/// The register pages under load: a municipality page with 2,000 initiatives (3 handprint lines
/// and a need each) served by a `maex-node serve` child on loopback.
enum PagesBench {
    static let initiatives = 2_000
    static let path = "/gemeente/GM0718"

    static func run(_ report: BenchReport) throws {
        report.section("Pages (maex-node serve child, loopback)")
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("maex-bench-pages-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let node = try SyncBenchNode(folder: root.appendingPathComponent("node"), realm: "maex-bench")
        let seeding = try measure { try seed(node) }
        report.line("- seeded \(initiatives) initiatives in GM0718 with 3 contributions and 1 need each, one change set per initiative through RegisterEditor: \(rate(initiatives, seeding))")
        try node.start()
        defer { node.stop() }
        let client = try HTTPTransport(peer: try PeerURL(node.url), configuration: SyncBench.quick, logger: SyncBench.logger)
        let first = try measure { _ = try client.sendOnce(.get(path)) }
        var times: [Double] = []
        var bytes = 0
        for _ in 0..<200 {
            times.append(try measure {
                let answer = try client.sendOnce(.get(path))
                guard answer.status == 200 else { throw SyncBenchError.incomplete("GET \(path) answered \(answer.status)") }
                bytes = answer.body.count
            })
        }
        times.sort()
        report.line(String(
            format: "- GET %@ (%d initiatives, first page of 50 cards, %d KiB of HTML): first request (loads the register) %.1f ms; then median %.2f ms, p90 %.2f ms over 200 requests on one keep-alive connection (goal < 20 ms median: %@)",
            path, initiatives, bytes / 1024, first * 1000, times[100] * 1000, times[180] * 1000, times[100] < 0.020 ? "met" : "NOT met"))
        var filtered: [Double] = []
        for query in ["?q=repair", "?sdg=12", "?behoefte=vrijwilligers", "?q=buurt&sdg=11&fase=groei"] {
            for _ in 0..<20 { filtered.append(try measure { _ = try client.sendOnce(.get(path + query)) }) }
        }
        filtered.sort()
        report.line(String(format: "- with filters and full-text search (FTS5, 4 queries x 20): median %.2f ms", filtered[filtered.count / 2] * 1000))
        if let wrk = loadTool() {
            let output = try runWrk(wrk, url: node.url.dropLast() + path)
            report.line("- wrk, 2 threads, 16 connections, 10 s: \(output)")
        } else {
            report.line("- wrk not installed (apt-get install -y wrk): no load measurement")
        }
    }

    /// Authors the initiatives through the node's own register editor (the node is stopped).
    private static func seed(_ node: SyncBenchNode) throws {
        let directory = try NodeDirectory.open(at: node.folder)
        let store = try directory.openStore(logger: SyncBench.logger)
        let editor = RegisterEditor(store: store, author: directory.makeAuthor(store: store, logger: SyncBench.logger))
        let activities = ValuationCatalogue.current.entries.map(\.activity)
        let words = ["Repair", "Buurt", "Taal", "Zorg", "Energie", "Natuur", "Voedsel", "Sport", "Cultuur", "Jongeren"]
        let phases = ["plan", "start", "groei", "volwassen"]
        for index in 0..<initiatives {
            let word = words[index % words.count]
            let fields: [String: JSONValue] = [
                "name": .string("\(word) initiatief \(index)"), "municipality": .string("GM0718"),
                "description": .string("\(word)project nummer \(index) in Vlissingen: samen werken aan een betere buurt."),
                "sdgs": .array([.int(Int64(index % 17 + 1)), .int(11)]), "themes": .array([.string(word.lowercased())]),
                "phase": .string(phases[index % 4]), "publication_consent": .bool(index % 3 != 0), "last_verified": .string("2026-06-01"),
            ]
            let lines: [[String: JSONValue]] = (0..<3).map { line in
                ["activity": .string(activities[(index + line) % activities.count]), "quantity": .int(Int64(10 + index % 90)), "year": .int(2025)]
            }
            let need: [String: JSONValue] = [
                "kind": .string(index % 2 == 0 ? "vrijwilligers" : "geld"), "description": .string("Hulp gezocht voor \(word.lowercased())"),
                "amount_cents": .int(250_000),
            ]
            _ = try editor.createInitiative(fields, children: [.contributions: lines, .needs: [need]])
        }
    }

    private static func loadTool() -> String? {
        ["/usr/bin/wrk", "/usr/local/bin/wrk"].first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// Runs wrk and returns its requests per second and latency summary.
    private static func runWrk(_ wrk: String, url: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: wrk)
        process.arguments = ["-t2", "-c16", "-d10s", "--latency", url]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let text = String(decoding: data, as: UTF8.self)
        let lines = text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
        let requests = lines.first { $0.hasPrefix("Requests/sec:") }?.split(separator: " ").last.map(String.init) ?? "?"
        let p50 = lines.first { $0.hasPrefix("50%") }?.split(separator: " ").last.map(String.init) ?? "?"
        let p99 = lines.first { $0.hasPrefix("99%") }?.split(separator: " ").last.map(String.init) ?? "?"
        let errors = lines.first { $0.hasPrefix("Non-2xx") || $0.hasPrefix("Socket errors") } ?? "no errors"
        return "\(requests) requests/s, latency p50 \(p50), p99 \(p99) (\(errors))"
    }
}
