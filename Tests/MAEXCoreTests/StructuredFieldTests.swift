import XCTest

import MAEXWire

/// The Structured Field subset behind message signatures (RFC 8941).
final class StructuredFieldTests: XCTestCase {
    func testSignatureInputRoundTrips() throws {
        let text = #"sig1=("@method" "@authority" "@path" "content-digest");created=1618884473;expires=1618884533;nonce="b3k2pp5k7z-50gnwp.yemd";alg="ed25519";keyid="abc";tag="maex-sync""#
        let parsed = try StructuredField.parseDictionary(text)
        XCTAssertEqual(parsed.serialized, text)
        guard case .innerList(let list) = parsed["sig1"] else { return XCTFail("sig1 is not an inner list") }
        XCTAssertEqual(list.items.count, 4)
        XCTAssertEqual(list.parameters["created"], .integer(1_618_884_473))
        XCTAssertEqual(list.parameters["nonce"], .string("b3k2pp5k7z-50gnwp.yemd"))
    }

    func testWhitespaceIsNormalisedOnSerialisation() throws {
        let parsed = try StructuredField.parseDictionary("  a=( \"x\"   \"y\" );p=1 ,b=:AQID:,\tc")
        XCTAssertEqual(parsed.serialized, #"a=("x" "y");p=1, b=:AQID:, c"#)
        XCTAssertEqual(parsed["b"], .item(.init(.byteSequence([1, 2, 3]))))
        XCTAssertEqual(parsed["c"], .item(.init(.boolean(true))))
    }

    func testItemKinds() throws {
        let parsed = try StructuredField.parseDictionary(#"i=-42, s="a\"b\\c", t=sha-256, f=?0, tok=*x/y:z"#)
        XCTAssertEqual(parsed["i"], .item(.init(.integer(-42))))
        XCTAssertEqual(parsed["s"], .item(.init(.string(#"a"b\c"#))))
        XCTAssertEqual(parsed["t"], .item(.init(.token("sha-256"))))
        XCTAssertEqual(parsed["f"], .item(.init(.boolean(false))))
        XCTAssertEqual(parsed["tok"], .item(.init(.token("*x/y:z"))))
        XCTAssertEqual(StructuredField.BareItem.string(#"a"b\c"#).serialized, #""a\"b\\c""#)
    }

    func testRepeatedKeyKeepsTheLastValue() throws {
        let parsed = try StructuredField.parseDictionary("a=1, b=2, a=3")
        XCTAssertEqual(parsed.serialized, "a=3, b=2")
    }

    func testMalformedValuesAreRefused() {
        let bad = [
            "a=1,", "a=1 b=2", "A=1", "a=1.5", "a=\"open", "a=\"tab\u{09}here\"", "a=(\"x\"", "a=(\"x\"\"y\")",
            "a=:not base64!:", "a=:QQ==", "a=?2", "a=1234567890123456", "a=\"\\x\"", "1a=1", "a=", "a=1;P=2",
        ]
        for text in bad {
            XCTAssertThrowsError(try StructuredField.parseDictionary(text), text)
        }
    }

    func testEmptyFieldIsAnEmptyDictionary() throws {
        XCTAssertEqual(try StructuredField.parseDictionary("").members.count, 0)
    }
}
