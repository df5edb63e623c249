import Foundation
import Logging
import MAEXCore
import MAEXStore

/// The child process of the store's crash-safety test (`StoreCrashTests`).
///
///     maex-store-crash-child generate <dir> <seed> <count>   write <dir>/stream.bin
///     maex-store-crash-child apply <dir> <batch-size>        apply the stream to <dir>/node.sqlite
///
/// `apply` skips what the store already holds, receives the rest in batches through
/// `NodeStore.receive(raw:)`, and after each commit prints `stored <id>` for every change set
/// the batch stored (unbuffered), then `done`. The test kills it at random moments.
@main
struct CrashChild {
    static func main() {
        let arguments = Array(CommandLine.arguments.dropFirst())
        do {
            switch arguments.first {
            case "generate" where arguments.count == 4:
                guard let seed = UInt64(arguments[2]), let count = Int(arguments[3]) else { throw ChildError("bad seed or count") }
                try generate(directory: URL(fileURLWithPath: arguments[1]), seed: seed, count: count)
            case "apply" where arguments.count == 3:
                guard let batchSize = Int(arguments[2]), batchSize >= 1 else { throw ChildError("bad batch size") }
                try apply(directory: URL(fileURLWithPath: arguments[1]), batchSize: batchSize)
            default:
                throw ChildError("usage: generate <dir> <seed> <count> | apply <dir> <batch-size>")
            }
        } catch {
            FileHandle.standardError.write(Data("maex-store-crash-child: \(error)\n".utf8))
            exit(1)
        }
    }

    static func generate(directory: URL, seed: UInt64, count: Int) throws {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        var generator = try StreamGenerator(seed: seed)
        let items = generator.make(count: count)
        try StreamFile.write(items, to: directory.appendingPathComponent("stream.bin"))
        StdoutLines.emit("generated \(items.count)")
    }

    static func apply(directory: URL, batchSize: Int) throws {
        let stream = try StreamFile.read(directory.appendingPathComponent("stream.bin"))
        let logger = Logger(label: "maex.crash-child", factory: { _ in SwiftLogNoOpLogHandler() })
        let store = try NodeStore(path: directory.appendingPathComponent("node.sqlite").path, realm: StreamGenerator.realm, logger: logger)
        let held = Dictionary(uniqueKeysWithValues: try store.vector().map { ($0.key.rawBytes, $0.value.seq) })
        let remaining = stream.filter { $0.seq > (held[$0.author] ?? 0) }
        let now = StreamGenerator.receiveNow(count: stream.count)
        var waiting: [ChangeSetID: ChangeRef] = [:]
        var start = 0
        while start < remaining.count {
            let batch = Array(remaining[start..<min(remaining.count, start + batchSize)])
            let results = try store.receive(raw: batch.map { ($0.body, $0.signature) }, nowMilliseconds: now)
            // Committed: report what this batch stored, and pending ones it released.
            for (item, result) in zip(batch, results) {
                switch result.outcome {
                case .stored: StdoutLines.emit("stored \(result.id.hex)")
                case .duplicate: break
                case .pending:
                    if let author = try? NodeID(rawBytes: item.author) { waiting[result.id] = ChangeRef(author: author, seq: item.seq) }
                case .rejected(let reason): throw ChildError("\(result.id.hex) rejected: \(reason)")
                case .fork: throw ChildError("\(result.id.hex) answered fork")
                case .retracted(let reason): throw ChildError("\(result.id.hex) retracted in an unrestricted store: \(reason)")
                }
            }
            if !waiting.isEmpty {
                let heads = try store.vector().mapValues(\.seq)
                for (id, ref) in waiting.sorted(by: { $0.value < $1.value }) where (heads[ref.author] ?? 0) >= ref.seq {
                    StdoutLines.emit("stored \(id.hex)")
                    waiting[id] = nil
                }
            }
            start += batchSize
        }
        StdoutLines.emit("done")
    }
}
