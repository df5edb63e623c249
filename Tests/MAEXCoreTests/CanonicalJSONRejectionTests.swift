import MAEXCore
import XCTest

/// The strict parser accepts exactly the canonical encoding: every other spelling is refused
/// with a precise `JSONError`.
final class CanonicalJSONRejectionTests: XCTestCase {
    private func assertRejects(
        _ text: String, _ expected: JSONError, file: StaticString = #filePath, line: UInt = #line
    ) {
        assertRejects(Array(text.utf8), expected, label: text, file: file, line: line)
    }

    private func assertRejects(
        _ bytes: [UInt8], _ expected: JSONError, label: String? = nil, file: StaticString = #filePath, line: UInt = #line
    ) {
        let name = label ?? bytes.map { String($0, radix: 16) }.joined(separator: " ")
        XCTAssertThrowsError(try JSONValue(canonicalBytes: bytes), name, file: file, line: line) { error in
            XCTAssertEqual(error as? JSONError, expected, name, file: file, line: line)
        }
    }

    private func assertAccepts(_ text: String, _ expected: JSONValue, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(try JSONValue(canonicalBytes: Array(text.utf8)), expected, text, file: file, line: line)
    }

    func testWhiteSpaceAnywhereIsRejected() {
        for text in [
            " 1", "\n1", "\t{}", "\r[]", "[1, 2]", "[ 1]", "[1 ]", "{ \"a\":1}", "{\"a\" :1}", "{\"a\": 1}", "{\"a\":1 }",
            "{\"a\":1, \"b\":2}",
        ] {
            assertRejects(text, .notCanonical)
        }
        assertRejects("1 ", .trailingBytes(offset: 1))
        assertRejects("{}\n", .trailingBytes(offset: 2))
    }

    func testKeysMustBeSortedByUTF8Bytes() {
        assertRejects(#"{"b":1,"a":2}"#, .notCanonical)
        assertRejects(#"{"a":1,"Z":2}"#, .notCanonical)
        assertRejects(#"{"aa":1,"a":2}"#, .notCanonical)
        assertRejects(#"{"é":1,"z":2}"#, .notCanonical)
        assertRejects(#"{"😀":1,"｡":2}"#, .notCanonical)  // UTF-16 order, not UTF-8 order
        assertRejects(#"{"a":{"d":1,"c":2}}"#, .notCanonical)
        assertAccepts(
            #"{"Z":1,"a":2,"aa":3,"z":4,"é":5,"｡":6,"😀":7}"#,
            .object(["Z": .int(1), "a": .int(2), "aa": .int(3), "z": .int(4), "é": .int(5), "｡": .int(6), "😀": .int(7)]))
    }

    func testDuplicateKeysAreRejected() {
        assertRejects(#"{"a":1,"a":2}"#, .duplicateKey("a"))
        assertRejects(#"{"a":{"x":1,"x":1}}"#, .duplicateKey("x"))
        // Canonically equivalent keys with different bytes ("e" + U+0301 and "é") would collapse
        // into one dictionary entry, so they are duplicates too, adjacent or not.
        assertRejects("{\"e\u{301}\":1,\"é\":2}", .duplicateKey("é"))
        assertRejects("{\"e\u{301}\":1,\"f\":2,\"é\":3}", .duplicateKey("é"))
    }

    func testNumbersOtherThanShortestIntegersAreRejected() {
        for text in [
            "1.0", "1.5", "-1.5", "0.0", "1e3", "1E3", "1e+3", "-0", "01", "-01", "00", "-", "9007199254740992", "-9007199254740992",
            "123456789012345678901234567890",
        ] {
            assertRejects(text, .invalidNumber(offset: 0))
        }
        assertRejects("[1,2.5]", .invalidNumber(offset: 3))
        assertRejects("+1", .unexpectedByte(offset: 0, byte: UInt8(ascii: "+")))
        assertRejects(".5", .unexpectedByte(offset: 0, byte: UInt8(ascii: ".")))
        assertAccepts("9007199254740991", .int(9_007_199_254_740_991))
        assertAccepts("-9007199254740991", .int(-9_007_199_254_740_991))
        assertAccepts("0", .int(0))
        assertAccepts("[-10,0,10]", .array([.int(-10), .int(0), .int(10)]))
    }

    func testOnlyTheEscapesTheEncoderWritesAreAccepted() {
        assertRejects(#""\/""#, .notCanonical)
        assertRejects(#""\b""#, .notCanonical)
        assertRejects(#""\f""#, .notCanonical)
        assertRejects(#""\u001F""#, .notCanonical)  // uppercase hex
        assertRejects(#""\u00AB""#, .notCanonical)
        assertRejects(#""\u0041""#, .notCanonical)  // a printable character escaped
        assertRejects(#""\u000a""#, .notCanonical)  // must be \n
        assertRejects(#""\u0009""#, .notCanonical)  // must be \t
        assertRejects(#""\u000d""#, .notCanonical)  // must be \r
        assertRejects(#""\u007f""#, .notCanonical)  // DEL is written raw
        assertRejects(#""\u00e9""#, .notCanonical)
        assertRejects(#""\ud83d\ude00""#, .notCanonical)
        assertRejects(#""\x41""#, .invalidString(offset: 0))
        assertRejects(#""\u00""#, .unexpectedEnd)
        assertRejects("\"a\u{1}\"", .notCanonical)  // raw control character
        assertRejects("\"a\n\"", .notCanonical)
        assertAccepts(#""\u001f\u0000\n\r\t\"\\/""#, .string("\u{1f}\u{0}\n\r\t\"\\/"))
    }

    func testInvalidUTF8IsRejected() {
        let cases: [[UInt8]] = [
            [0xFF],  // never valid
            [0x80],  // lone continuation byte
            [0xC0, 0xAF],  // overlong "/"
            [0xE0, 0x80, 0xAF],  // overlong
            [0xED, 0xA0, 0x80],  // UTF-16 surrogate
            [0xE2, 0x82],  // truncated sequence
            [0xF4, 0x90, 0x80, 0x80],  // beyond U+10FFFF
        ]
        for bad in cases {
            assertRejects([0x22] + bad + [0x22], .invalidString(offset: 0))
            assertRejects(Array("[1,\"".utf8) + bad + Array("\"]".utf8), .invalidString(offset: 3))
            assertRejects([0x7B, 0x22] + bad + Array("\":1}".utf8), .invalidString(offset: 1))
        }
    }

    func testNestingBeyondTheLimitIsRejected() {
        // A value inside 16 containers is accepted, inside 17 it is not.
        let inside16 = String(repeating: "[", count: 16) + "1" + String(repeating: "]", count: 16)
        let inside17 = String(repeating: "[", count: 17) + "1" + String(repeating: "]", count: 17)
        XCTAssertNoThrow(try JSONValue(canonicalBytes: Array(inside16.utf8)))
        assertRejects(inside17, .tooDeep(limit: 16))
        let objects17 = String(repeating: "{\"k\":", count: 17) + "null" + String(repeating: "}", count: 17)
        assertRejects(objects17, .tooDeep(limit: 16))
        // Deep input cannot exhaust the stack.
        assertRejects(String(repeating: "[", count: 100_000), .tooDeep(limit: 16))
    }

    func testTrailingAndMissingBytesAreRejected() {
        assertRejects("{}{}", .trailingBytes(offset: 2))
        assertRejects("1,", .trailingBytes(offset: 1))
        assertRejects("nullx", .trailingBytes(offset: 4))
        assertRejects([0x31, 0x00], .trailingBytes(offset: 1))
        assertRejects("", .unexpectedEnd)
        assertRejects("[1,", .unexpectedEnd)
        assertRejects("{\"a\":", .unexpectedEnd)
        assertRejects("\"abc", .unexpectedEnd)
        assertRejects("nul", .unexpectedEnd)
        assertRejects("[1,]", .unexpectedByte(offset: 3, byte: UInt8(ascii: "]")))
        assertRejects("{\"a\":1,}", .unexpectedByte(offset: 7, byte: UInt8(ascii: "}")))
        assertRejects("{1:2}", .unexpectedByte(offset: 1, byte: UInt8(ascii: "1")))
        assertRejects("True", .unexpectedByte(offset: 0, byte: UInt8(ascii: "T")))
        assertRejects("nulL", .unexpectedByte(offset: 3, byte: UInt8(ascii: "L")))
    }
}
