extension StructuredField {
    /// Parses a dictionary field value (RFC 8941 section 4.2.2), e.g. `Signature-Input`.
    /// - Throws: `StructuredField.ParseError` for anything outside the grammar (decimals included).
    public static func parseDictionary(_ text: String) throws(ParseError) -> Dictionary {
        var parser = Parser(Array(text.utf8))
        parser.skipSpaces()
        var members: [(key: String, value: Member)] = []
        while !parser.atEnd {
            let key = try parser.key()
            let value: Member
            if parser.peek == UInt8(ascii: "=") {
                parser.advance()
                value = try parser.itemOrInnerList()
            } else {
                value = .item(Item(.boolean(true), parameters: try parser.parameters()))
            }
            if let index = members.firstIndex(where: { $0.key == key }) {
                members[index].value = value
            } else {
                members.append((key, value))
            }
            parser.skipWhitespace()
            if parser.atEnd { break }
            guard parser.peek == UInt8(ascii: ",") else { throw parser.error("expected ',' between members") }
            parser.advance()
            parser.skipWhitespace()
            if parser.atEnd { throw parser.error("a trailing ','") }
        }
        return Dictionary(members)
    }

    /// A cursor over the field value's bytes.
    struct Parser {
        let bytes: [UInt8]
        var index = 0

        init(_ bytes: [UInt8]) { self.bytes = bytes }

        var atEnd: Bool { index >= bytes.count }
        var peek: UInt8? { atEnd ? nil : bytes[index] }
        mutating func advance() { index += 1 }

        func error(_ reason: String) -> ParseError { ParseError(reason: reason, offset: index) }

        mutating func skipSpaces() {
            while peek == UInt8(ascii: " ") { advance() }
        }

        mutating func skipWhitespace() {
            while peek == UInt8(ascii: " ") || peek == UInt8(ascii: "\t") { advance() }
        }

        static func isLowerAlpha(_ byte: UInt8) -> Bool { (0x61...0x7A).contains(byte) }
        static func isAlpha(_ byte: UInt8) -> Bool { isLowerAlpha(byte) || (0x41...0x5A).contains(byte) }
        static func isDigit(_ byte: UInt8) -> Bool { (0x30...0x39).contains(byte) }
        static let tokenExtras = Set("!#$%&'*+-.^_`|~:/".utf8)
        static let base64Bytes = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=".utf8)

        mutating func key() throws(ParseError) -> String {
            guard let first = peek, Self.isLowerAlpha(first) || first == UInt8(ascii: "*") else {
                throw error("a key must start with a lowercase letter or '*'")
            }
            let start = index
            while let byte = peek, Self.isLowerAlpha(byte) || Self.isDigit(byte) || "_-.*".utf8.contains(byte) { advance() }
            return String(decoding: bytes[start..<index], as: UTF8.self)
        }

        mutating func itemOrInnerList() throws(ParseError) -> Member {
            if peek == UInt8(ascii: "(") { return .innerList(try innerList()) }
            return .item(try item())
        }

        mutating func innerList() throws(ParseError) -> InnerList {
            advance()  // "("
            var items: [Item] = []
            while !atEnd {
                skipSpaces()
                if peek == UInt8(ascii: ")") {
                    advance()
                    return InnerList(items, parameters: try parameters())
                }
                items.append(try item())
                guard peek == UInt8(ascii: " ") || peek == UInt8(ascii: ")") else {
                    throw error("expected ' ' or ')' in an inner list")
                }
            }
            throw error("an inner list without ')'")
        }

        mutating func item() throws(ParseError) -> Item {
            let bare = try bareItem()
            return Item(bare, parameters: try parameters())
        }

        mutating func parameters() throws(ParseError) -> Parameters {
            var entries: [(key: String, value: BareItem)] = []
            while peek == UInt8(ascii: ";") {
                advance()
                skipSpaces()
                let name = try key()
                var value = BareItem.boolean(true)
                if peek == UInt8(ascii: "=") {
                    advance()
                    value = try bareItem()
                }
                if let existing = entries.firstIndex(where: { $0.key == name }) {
                    entries[existing].value = value
                } else {
                    entries.append((name, value))
                }
            }
            return Parameters(entries)
        }

        mutating func bareItem() throws(ParseError) -> BareItem {
            guard let first = peek else { throw error("a value is missing") }
            switch first {
            case UInt8(ascii: "-"), 0x30...0x39: return try integer()
            case UInt8(ascii: "\""): return try string()
            case UInt8(ascii: ":"): return try byteSequence()
            case UInt8(ascii: "?"): return try boolean()
            default:
                guard Self.isAlpha(first) || first == UInt8(ascii: "*") else { throw error("not a value") }
                return token()
            }
        }

        mutating func integer() throws(ParseError) -> BareItem {
            var negative = false
            if peek == UInt8(ascii: "-") {
                negative = true
                advance()
            }
            let start = index
            while let byte = peek, Self.isDigit(byte) { advance() }
            let digits = index - start
            guard digits > 0 else { throw error("an integer without digits") }
            guard digits <= 15 else { throw error("an integer of more than 15 digits") }
            if peek == UInt8(ascii: ".") { throw error("decimals are not supported") }
            let magnitude = bytes[start..<index].reduce(Int64(0)) { $0 * 10 + Int64($1 - 0x30) }
            return .integer(negative ? -magnitude : magnitude)
        }

        mutating func string() throws(ParseError) -> BareItem {
            advance()  // opening quote
            var out: [UInt8] = []
            while let byte = peek {
                advance()
                switch byte {
                case UInt8(ascii: "\\"):
                    guard let next = peek, next == UInt8(ascii: "\"") || next == UInt8(ascii: "\\") else {
                        throw error("a bad escape in a string")
                    }
                    out.append(next)
                    advance()
                case UInt8(ascii: "\""):
                    return .string(String(decoding: out, as: UTF8.self))
                case 0x20...0x7E:
                    out.append(byte)
                default:
                    throw error("a string may hold printable ASCII only")
                }
            }
            throw error("a string without its closing quote")
        }

        mutating func token() -> BareItem {
            let start = index
            advance()
            while let byte = peek, Self.isAlpha(byte) || Self.isDigit(byte) || Self.tokenExtras.contains(byte) { advance() }
            return .token(String(decoding: bytes[start..<index], as: UTF8.self))
        }

        mutating func byteSequence() throws(ParseError) -> BareItem {
            advance()  // opening colon
            let start = index
            while let byte = peek, byte != UInt8(ascii: ":") {
                guard Self.base64Bytes.contains(byte) else { throw error("a byte sequence holds a non-base64 character") }
                advance()
            }
            guard peek == UInt8(ascii: ":") else { throw error("a byte sequence without its closing ':'") }
            let text = String(decoding: bytes[start..<index], as: UTF8.self)
            advance()
            guard let decoded = Base64.decode(text) else { throw error("a byte sequence that is not valid base64") }
            return .byteSequence(decoded)
        }

        mutating func boolean() throws(ParseError) -> BareItem {
            advance()  // "?"
            switch peek {
            case UInt8(ascii: "1"):
                advance()
                return .boolean(true)
            case UInt8(ascii: "0"):
                advance()
                return .boolean(false)
            default:
                throw error("a boolean must be ?0 or ?1")
            }
        }
    }
}
