/// Why a byte string is not acceptable canonical JSON.
public enum JSONError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The input ended in the middle of a value.
    case unexpectedEnd
    /// An unexpected byte at an offset.
    case unexpectedByte(offset: Int, byte: UInt8)
    /// Floating point numbers, exponents, leading zeros or out-of-range integers.
    case invalidNumber(offset: Int)
    /// A malformed escape sequence or invalid UTF-8 in a string.
    case invalidString(offset: Int)
    /// The same key twice in one object.
    case duplicateKey(String)
    /// Nesting deeper than the limit.
    case tooDeep(limit: Int)
    /// Bytes after the top-level value.
    case trailingBytes(offset: Int)
    /// Valid JSON, but not in the canonical form (white space, key order, escapes).
    case notCanonical

    public var description: String {
        switch self {
        case .unexpectedEnd: "JSON ends unexpectedly"
        case .unexpectedByte(let offset, let byte): "unexpected byte 0x\(String(byte, radix: 16)) at offset \(offset)"
        case .invalidNumber(let offset): "invalid number at offset \(offset) (integers only, within +-(2^53-1))"
        case .invalidString(let offset): "invalid string at offset \(offset)"
        case .duplicateKey(let key): "duplicate key \"\(key)\""
        case .tooDeep(let limit): "nesting deeper than \(limit) levels"
        case .trailingBytes(let offset): "unexpected bytes after the value at offset \(offset)"
        case .notCanonical: "not in canonical form (white space, key order or escapes differ)"
        }
    }
}
