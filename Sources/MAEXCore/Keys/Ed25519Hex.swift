/// Strict lowercase hexadecimal encoding used for the textual form of keys.
enum Ed25519Hex {
    private static let digits: [UInt8] = Array("0123456789abcdef".utf8)

    /// Encodes `bytes` as lowercase hex, two characters per byte.
    static func encode(_ bytes: [UInt8]) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count * 2)
        for byte in bytes {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0x0f)])
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Decodes exactly `byteCount` bytes from lowercase hex.
    ///
    /// Refuses any character outside `0-9a-f` (`.notHex`, checked first), then
    /// any length other than `2 * byteCount` characters (`.wrongLength`).
    static func decode(_ text: String, byteCount: Int) throws(KeyError) -> [UInt8] {
        let utf8 = Array(text.utf8)
        var nibbles: [UInt8] = []
        nibbles.reserveCapacity(utf8.count)
        for char in utf8 {
            guard let value = nibble(char) else { throw .notHex }
            nibbles.append(value)
        }
        guard nibbles.count == 2 * byteCount else {
            throw .wrongLength(expected: 2 * byteCount, actual: nibbles.count)
        }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(byteCount)
        var index = 0
        while index < nibbles.count {
            bytes.append(nibbles[index] << 4 | nibbles[index + 1])
            index += 2
        }
        return bytes
    }

    private static func nibble(_ char: UInt8) -> UInt8? {
        switch char {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return char - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return char - UInt8(ascii: "a") + 10
        default: return nil
        }
    }
}
