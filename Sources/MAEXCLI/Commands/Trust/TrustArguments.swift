import ArgumentParser
import Foundation
import MAEXCore
import MAEXNode
import MAEXWire

/// Parsing and file helpers shared by the trust commands.
enum TrustArguments {
    /// A node id typed on the command line.
    static func nodeID(_ text: String) throws -> NodeID {
        do { return try NodeID(hex: text) } catch { throw ValidationError("--node: \"\(text.prefix(70))\" is not a node id: \(error)") }
    }

    /// Writes a bundle as JSON (mode 0644).
    static func write(_ bundle: PushRequest, to path: String) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        do { try encoder.encode(bundle).write(to: URL(fileURLWithPath: path), options: .atomic) } catch {
            throw TrustCommandError("cannot write \(path): \(error.localizedDescription)")
        }
    }

    /// Writes a value as JSON.
    static func writeJSON(_ value: some Encodable, to path: String) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        do { try encoder.encode(value).write(to: URL(fileURLWithPath: path), options: .atomic) } catch {
            throw TrustCommandError("cannot write \(path): \(error.localizedDescription)")
        }
    }

    /// Reads a JSON file as `T`.
    static func readJSON<T: Decodable>(_ path: String) throws -> T {
        let data: Data
        do { data = try Data(contentsOf: URL(fileURLWithPath: path)) } catch {
            throw TrustCommandError("cannot read \(path): \(error.localizedDescription)")
        }
        do { return try JSONDecoder().decode(T.self, from: data) } catch {
            throw TrustCommandError("\(path) is not what this command reads: \(error)")
        }
    }

    /// The wall clock in milliseconds.
    static func now() -> Int64 { LocalAuthor.systemMilliseconds() }
}

/// A trust command that failed at run time (a file that cannot be read or written, a bundle
/// that does not verify); exit code 1.
struct TrustCommandError: Error, CustomStringConvertible {
    /// What went wrong.
    let description: String

    init(_ description: String) {
        self.description = description
    }
}
