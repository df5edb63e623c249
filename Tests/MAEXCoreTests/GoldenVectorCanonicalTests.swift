import MAEXCore
import XCTest

/// `protocol/vectors/canonical-json.json` against the encoder and the strict parser.
final class GoldenVectorCanonicalTests: XCTestCase {
    func testValidValuesHaveExactlyTheListedBytes() throws {
        let valid = try VectorJSON.load("canonical-json.json").vectorArray("valid")
        XCTAssertGreaterThan(valid.count, 20)
        for item in valid {
            let name = try item.vectorString("name")
            let bytes = try item.vectorBytes("canonical_hex")
            XCTAssertEqual(Array(try item.vectorString("canonical").utf8), bytes, "\(name): text and hex differ")
            XCTAssertEqual(try item.vectorMember("value").canonicalBytes, bytes, "\(name): encoder")
            do {
                let parsed = try JSONValue(canonicalBytes: bytes)
                XCTAssertEqual(parsed.canonicalBytes, bytes, "\(name): decode then encode")
            } catch {
                XCTFail("\(name): parser refused canonical bytes: \(error)")
            }
        }
    }

    func testInvalidByteStringsAreRefusedForTheListedReason() throws {
        let invalid = try VectorJSON.load("canonical-json.json").vectorArray("invalid")
        XCTAssertGreaterThan(invalid.count, 40)
        for item in invalid {
            let name = try item.vectorString("name")
            let bytes = try item.vectorBytes("bytes_hex")
            if let text = item.objectValue?["text"]?.stringValue {
                XCTAssertEqual(Array(text.utf8), bytes, "\(name): text and hex differ")
            }
            do {
                let value = try JSONValue(canonicalBytes: bytes)
                XCTFail("\(name): accepted as \(value)")
            } catch {
                XCTAssertEqual(VectorDescription.name(error), try item.vectorString("error"), name)
            }
        }
    }
}
