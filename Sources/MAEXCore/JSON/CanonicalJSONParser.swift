/// A single-pass parser that accepts exactly the canonical JSON encoding and nothing else.
///
/// Accepting only one encoding per value means the signed bytes of a change set can be decoded
/// and re-encoded without change: there is no second way to write the same value.
struct CanonicalJSONParser {
    /// The deepest nesting accepted.
    static let maxDepth = 16

    private let bytes: [UInt8]
    private var index = 0

    private init(bytes: [UInt8]) { self.bytes = bytes }

    /// Parses `bytes`, which must be one canonical JSON value and nothing more.
    static func parse(_ bytes: [UInt8]) throws(JSONError) -> JSONValue {
        var parser = CanonicalJSONParser(bytes: bytes)
        let value = try parser.parseValue(depth: 0)
        guard parser.index == bytes.count else { throw .trailingBytes(offset: parser.index) }
        return value
    }

    private func peek() throws(JSONError) -> UInt8 {
        guard index < bytes.count else { throw .unexpectedEnd }
        return bytes[index]
    }

    private mutating func expect(_ byte: UInt8) throws(JSONError) {
        let found = try peek()
        guard found == byte else { throw unexpected(found) }
        index += 1
    }

    private func unexpected(_ byte: UInt8) -> JSONError {
        switch byte {
        case 0x20, 0x09, 0x0A, 0x0D: .notCanonical
        default: .unexpectedByte(offset: index, byte: byte)
        }
    }

    private mutating func parseValue(depth: Int) throws(JSONError) -> JSONValue {
        guard depth <= Self.maxDepth else { throw .tooDeep(limit: Self.maxDepth) }
        let byte = try peek()
        switch byte {
        case UInt8(ascii: "{"): return try parseObject(depth: depth + 1)
        case UInt8(ascii: "["): return try parseArray(depth: depth + 1)
        case UInt8(ascii: "\""): return .string(try parseString())
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .int(try parseInteger())
        case UInt8(ascii: "n"): try parseLiteral("null"); return .null
        case UInt8(ascii: "t"): try parseLiteral("true"); return .bool(true)
        case UInt8(ascii: "f"): try parseLiteral("false"); return .bool(false)
        default: throw unexpected(byte)
        }
    }

    private mutating func parseLiteral(_ literal: StaticString) throws(JSONError) {
        let text = literal.utf8Start
        for offset in 0..<literal.utf8CodeUnitCount {
            try expect(text[offset])
        }
    }

    private mutating func parseObject(depth: Int) throws(JSONError) -> JSONValue {
        try expect(UInt8(ascii: "{"))
        var members: [String: JSONValue] = [:]
        var previousKey: String?
        if try peek() == UInt8(ascii: "}") {
            index += 1
            return .object(members)
        }
        while true {
            let keyOffset = index
            let key = try parseString(at: keyOffset)
            if let previousKey {
                if previousKey == key { throw .duplicateKey(key) }
                guard previousKey.utf8.lexicographicallyPrecedes(key.utf8) else { throw .notCanonical }
            }
            // Swift compares strings by canonical equivalence: keys with different bytes (e.g.
            // "e\u{301}" and "é") would share one entry, so they count as duplicates too.
            guard members[key] == nil else { throw .duplicateKey(key) }
            try expect(UInt8(ascii: ":"))
            members[key] = try parseValue(depth: depth)
            previousKey = key
            let next = try peek()
            index += 1
            if next == UInt8(ascii: "}") { return .object(members) }
            guard next == UInt8(ascii: ",") else {
                index -= 1
                throw unexpected(next)
            }
        }
    }

    private mutating func parseArray(depth: Int) throws(JSONError) -> JSONValue {
        try expect(UInt8(ascii: "["))
        var items: [JSONValue] = []
        if try peek() == UInt8(ascii: "]") {
            index += 1
            return .array(items)
        }
        while true {
            items.append(try parseValue(depth: depth))
            let next = try peek()
            index += 1
            if next == UInt8(ascii: "]") { return .array(items) }
            guard next == UInt8(ascii: ",") else {
                index -= 1
                throw unexpected(next)
            }
        }
    }

    private mutating func parseInteger() throws(JSONError) -> Int64 {
        let start = index
        var negative = false
        if bytes[index] == UInt8(ascii: "-") {
            negative = true
            index += 1
        }
        let digitsStart = index
        var magnitude: Int64 = 0
        while index < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index]) {
            magnitude = magnitude * 10 + Int64(bytes[index] - UInt8(ascii: "0"))
            index += 1
            guard magnitude <= JSONValue.maxSafeInteger else { throw .invalidNumber(offset: start) }
        }
        let digitCount = index - digitsStart
        guard digitCount > 0 else { throw .invalidNumber(offset: start) }
        if bytes[digitsStart] == UInt8(ascii: "0"), digitCount > 1 || negative { throw .invalidNumber(offset: start) }
        if index < bytes.count, [UInt8(ascii: "."), UInt8(ascii: "e"), UInt8(ascii: "E")].contains(bytes[index]) {
            throw .invalidNumber(offset: start)
        }
        return negative ? -magnitude : magnitude
    }

    private mutating func parseString() throws(JSONError) -> String {
        try parseString(at: index)
    }

    private mutating func parseString(at start: Int) throws(JSONError) -> String {
        try expect(UInt8(ascii: "\""))
        // Fast path: no escape or control byte before the closing quote (keys, most values).
        // Anything else falls through to the byte-by-byte loop from the same place.
        var end = index
        while end < bytes.count, bytes[end] != UInt8(ascii: "\""), bytes[end] != UInt8(ascii: "\\"), bytes[end] >= 0x20 {
            end += 1
        }
        if end < bytes.count, bytes[end] == UInt8(ascii: "\"") {
            guard let string = String(validating: bytes[index..<end], as: UTF8.self) else { throw .invalidString(offset: start) }
            index = end + 1
            return string
        }
        var scalars: [UInt8] = []
        while true {
            guard index < bytes.count else { throw .unexpectedEnd }
            let byte = bytes[index]
            index += 1
            switch byte {
            case UInt8(ascii: "\""):
                guard let string = String(validating: scalars, as: UTF8.self) else { throw .invalidString(offset: start) }
                return string
            case UInt8(ascii: "\\"):
                scalars.append(try parseEscape(stringStart: start))
            case 0x00..<0x20:
                throw .notCanonical
            default:
                scalars.append(byte)
            }
        }
    }

    /// Only the escapes the canonical encoder writes are accepted.
    private mutating func parseEscape(stringStart: Int) throws(JSONError) -> UInt8 {
        guard index < bytes.count else { throw .unexpectedEnd }
        let byte = bytes[index]
        index += 1
        switch byte {
        case UInt8(ascii: "\""): return byte
        case UInt8(ascii: "\\"): return byte
        case UInt8(ascii: "n"): return 0x0A
        case UInt8(ascii: "r"): return 0x0D
        case UInt8(ascii: "t"): return 0x09
        case UInt8(ascii: "u"):
            guard index + 4 <= bytes.count else { throw .unexpectedEnd }
            let hex = bytes[index..<index + 4]
            index += 4
            guard hex.starts(with: [UInt8(ascii: "0"), UInt8(ascii: "0")]),
                let high = Self.hexValue(hex[hex.startIndex + 2]), let low = Self.hexValue(hex[hex.startIndex + 3])
            else { throw .notCanonical }
            let value = high << 4 | low
            guard value < 0x20, value != 0x0A, value != 0x0D, value != 0x09 else { throw .notCanonical }
            return value
        case UInt8(ascii: "/"), UInt8(ascii: "b"), UInt8(ascii: "f"):
            throw .notCanonical
        default:
            throw .invalidString(offset: stringStart)
        }
    }

    /// Lowercase hex digits only (the canonical form).
    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        default: nil
        }
    }
}

extension JSONValue {
    /// Decodes canonical JSON bytes; any other encoding of a value is rejected.
    public init(canonicalBytes bytes: [UInt8]) throws(JSONError) {
        self = try CanonicalJSONParser.parse(bytes)
    }
}
