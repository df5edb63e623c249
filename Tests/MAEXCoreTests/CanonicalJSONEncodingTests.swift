import Foundation
import MAEXCore
import XCTest
import MAEXTestSupport

/// The canonical encoder: exact bytes, key order by UTF-8 bytes, escapes; and round trips.
final class CanonicalJSONEncodingTests: XCTestCase {
    private func text(_ value: JSONValue) -> String { String(decoding: value.canonicalBytes, as: UTF8.self) }

    func testExactBytesOfAMixedValue() throws {
        let value = JSONValue.object([
            "b": .array([.int(-1), .bool(true), .bool(false), .null, .array([]), .object([:])]),
            "a": .string("x\"y\\z\n"),
            "é": .int(0),
            "A": .int(9_007_199_254_740_991),
        ])
        let expected = #"{"A":9007199254740991,"a":"x\"y\\z\n","b":[-1,true,false,null,[],{}],"é":0}"#
        XCTAssertEqual(text(value), expected)
        XCTAssertEqual(value.canonicalBytes, Array(expected.utf8))
        XCTAssertEqual(value.canonicalString, expected)
        XCTAssertEqual(try JSONValue(canonicalBytes: Array(expected.utf8)), value)
    }

    func testKeysAreOrderedByTheirUTF8Bytes() throws {
        // UTF-8 byte order: "Z" < "a" < "aa" < "b" < "é" (c3 a9) < "｡" (ef bd a1) < "😀" (f0 9f 98 80).
        // UTF-16 order would put "😀" (d83d ...) before "｡" (ff61): the encoder must not.
        let keys = ["😀", "b", "｡", "aa", "é", "a", "Z"]
        let value = JSONValue.object(Dictionary(uniqueKeysWithValues: keys.enumerated().map { ($1, JSONValue.int(Int64($0))) }))
        XCTAssertEqual(text(value), #"{"Z":6,"a":5,"aa":3,"b":1,"é":4,"｡":2,"😀":0}"#)
        XCTAssertEqual(try JSONValue(canonicalBytes: value.canonicalBytes), value)
        // Nested objects are sorted too.
        XCTAssertEqual(
            text(.array([.object(["y": .null, "x": .object(["d": .int(1), "c": .int(2)])])])), #"[{"x":{"c":2,"d":1},"y":null}]"#)
    }

    func testControlCharactersAreEscapedExactly() throws {
        for code in UInt8(0)..<0x20 {
            let value = JSONValue.string(String(decoding: [UInt8(ascii: "a"), code, UInt8(ascii: "b")], as: UTF8.self))
            let expected: String
            switch code {
            case 0x09: expected = #""a\tb""#
            case 0x0A: expected = #""a\nb""#
            case 0x0D: expected = #""a\rb""#
            default: expected = "\"a\\u00" + String(format: "%02x", code) + "b\""
            }
            XCTAssertEqual(text(value), expected, "control character \(code)")
            XCTAssertEqual(try JSONValue(canonicalBytes: Array(expected.utf8)), value, "control character \(code)")
        }
    }

    func testQuoteAndBackslashAreEscapedAndEverythingElseIsRaw() throws {
        XCTAssertEqual(text(.string("\"")), #""\"""#)
        XCTAssertEqual(text(.string("\\")), #""\\""#)
        XCTAssertEqual(text(.string("/")), #""/""#)
        // DEL, non-ASCII, U+2028 and astral characters are written as raw UTF-8.
        let raw = "\u{7f}é€\u{2028}😀"
        XCTAssertEqual(JSONValue.string(raw).canonicalBytes, [0x22] + Array(raw.utf8) + [0x22])
        XCTAssertEqual(
            JSONValue.string("é").canonicalBytes, [0x22, 0xC3, 0xA9, 0x22])
        // A decomposed spelling keeps its own bytes: the encoder never normalises.
        XCTAssertEqual(JSONValue.string("e\u{301}").canonicalBytes, [0x22, 0x65, 0xCC, 0x81, 0x22])
    }

    func testIntegersInShortestForm() {
        XCTAssertEqual(text(.int(0)), "0")
        XCTAssertEqual(text(.int(-7)), "-7")
        XCTAssertEqual(text(.int(1_000)), "1000")
        XCTAssertEqual(text(.int(-JSONValue.maxSafeInteger)), "-9007199254740991")
    }

    func testRandomValuesRoundTripToTheSameBytes() throws {
        var rng = SeededGenerator(seed: 0xC0FFEE)
        for iteration in 0..<3_000 {
            let value = RandomJSON.value(&rng)
            let bytes = value.canonicalBytes
            let decoded: JSONValue
            do { decoded = try JSONValue(canonicalBytes: bytes) } catch {
                XCTFail("iteration \(iteration): \(error) for \(String(decoding: bytes, as: UTF8.self))")
                continue
            }
            XCTAssertEqual(decoded, value, "iteration \(iteration)")
            XCTAssertEqual(decoded.canonicalBytes, bytes, "iteration \(iteration)")
        }
    }

    func testNestingUpToTheLimitRoundTrips() throws {
        var value = JSONValue.int(1)
        for level in 0..<16 { value = level.isMultiple(of: 2) ? .array([value]) : .object(["k": value]) }
        XCTAssertEqual(try JSONValue(canonicalBytes: value.canonicalBytes), value)
    }
}
