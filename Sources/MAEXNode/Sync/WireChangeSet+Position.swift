import MAEXCore
import MAEXWire

extension WireChangeSet {
    /// The author and sequence a change set claims, read from its canonical body without
    /// parsing it: the body starts with `{"author":"<64 hex>"` and, keys being sorted, the
    /// last `"seq":` in it is the top-level one (only `prev`, `realm`, `seq` and `version`
    /// follow `ops`). `nil` when the body does not have that shape.
    ///
    /// Only a hint for planning the next pull; the store verifies everything.
    var claimedPosition: (author: NodeID, seq: Int64)? {
        var body = body
        return body.withUTF8 { bytes -> (author: NodeID, seq: Int64)? in
            let prefix = Array(#"{"author":""#.utf8)
            guard bytes.count > prefix.count + 64, bytes.starts(with: prefix) else { return nil }
            let hexStart = prefix.count
            guard bytes[hexStart + 64] == UInt8(ascii: "\"") else { return nil }
            let hex = String(decoding: UnsafeBufferPointer(rebasing: bytes[hexStart..<hexStart + 64]), as: UTF8.self)
            guard let author = try? NodeID(hex: hex) else { return nil }
            let key = Array(#""seq":"#.utf8)
            var index = bytes.count - key.count
            while index > hexStart + 64 {
                if bytes[index] == key[0], Array(bytes[index..<index + key.count]) == key { break }
                index -= 1
            }
            guard index > hexStart + 64 else { return nil }
            var seq: Int64 = 0
            var cursor = index + key.count
            var digits = 0
            while cursor < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[cursor]), digits < 18 {
                seq = seq * 10 + Int64(bytes[cursor] - UInt8(ascii: "0"))
                cursor += 1
                digits += 1
            }
            guard digits > 0, seq >= 1 else { return nil }
            return (author, seq)
        }
    }
}
