import Foundation
#if canImport(Glibc)
import Glibc
#endif
import MAEXCore

/// The stream on disk, in delivery order, in a simple binary form that is quick to read in a
/// debug build: per change set `u32 body length, u32 signature length` (little-endian), the
/// author's 32 key bytes, `i64 seq` (little-endian), the body, the signature. Written once (to
/// a temporary name, then renamed), read by every run and by the test (`StoreCrashTests`).
enum StreamFile {
    struct Item {
        var author: [UInt8]
        var seq: Int64
        var body: [UInt8]
        var signature: [UInt8]
    }

    static func write(_ items: [SignedChangeSet], to url: URL) throws {
        var bytes: [UInt8] = []
        for item in items {
            append(UInt32(item.body.count), to: &bytes)
            append(UInt32(item.signature.count), to: &bytes)
            bytes += item.changeSet.author.rawBytes
            append(UInt64(bitPattern: item.changeSet.seq), to: &bytes)
            bytes += item.body
            bytes += item.signature
        }
        let temporary = url.appendingPathExtension("tmp")
        try Data(bytes).write(to: temporary)
        guard rename(temporary.path, url.path) == 0 else { throw ChildError("cannot rename \(temporary.path): errno \(errno)") }
    }

    static func read(_ url: URL) throws -> [Item] {
        let bytes = [UInt8](try Data(contentsOf: url))
        var items: [Item] = []
        var offset = 0
        func take(_ count: Int) throws -> ArraySlice<UInt8> {
            guard count >= 0, offset + count <= bytes.count else { throw ChildError("truncated stream file at \(offset)") }
            defer { offset += count }
            return bytes[offset..<offset + count]
        }
        func integer(_ count: Int) throws -> UInt64 {
            try take(count).reversed().reduce(0) { $0 << 8 | UInt64($1) }
        }
        while offset < bytes.count {
            let bodyCount = Int(try integer(4))
            let signatureCount = Int(try integer(4))
            let author = Array(try take(32))
            let seq = Int64(bitPattern: try integer(8))
            items.append(Item(author: author, seq: seq, body: Array(try take(bodyCount)), signature: Array(try take(signatureCount))))
        }
        return items
    }

    private static func append(_ value: some FixedWidthInteger, to bytes: inout [UInt8]) {
        withUnsafeBytes(of: value.littleEndian) { bytes += $0 }
    }
}

/// A failure of the child, printed to stderr.
struct ChildError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
