import Foundation
import MAEXCore
import XCTest

/// The draft salted commitment of `protocol/ERASURE.md` against its vectors
/// (`protocol/vectors/draft/commitments.json`, computed independently with Python's hashlib).
final class FieldCommitmentTests: XCTestCase {
    func testCommitmentsMatchTheDraftVectors() throws {
        let document = try JSONSerialization.jsonObject(
            with: Data(contentsOf: VectorJSON.directory.appendingPathComponent("draft/commitments.json"))) as? [String: Any]
        let cases = try XCTUnwrap(document?["cases"] as? [[String: String]])
        XCTAssertEqual(cases.count, 6)
        for item in cases {
            let name = item["name"] ?? "?"
            let canonical = try XCTUnwrap(item["canonical"], name)
            let value = try JSONValue(canonicalBytes: Array(canonical.utf8))
            XCTAssertEqual(value.canonicalString, canonical, "\(name): the vector's text is canonical")
            let salt = try XCTUnwrap(Hex.decode(item["salt"] ?? ""), name)
            let hash = try XCTUnwrap(item["hash"], name)
            XCTAssertEqual(try FieldCommitment.hash(value, salt: salt), hash, name)
            XCTAssertTrue(FieldCommitment.opens(hash, value: value, salt: salt), name)
            var otherSalt = salt
            otherSalt[0] ^= 1
            XCTAssertFalse(FieldCommitment.opens(hash, value: value, salt: otherSalt), "\(name): another salt does not open it")
            XCTAssertFalse(FieldCommitment.opens(hash, value: .string(canonical + " "), salt: salt), "\(name): another value does not")
        }
    }

    func testSaltsAreFreshAndOfOneLength() throws {
        let salts = (0..<8).map { _ in FieldCommitment.makeSalt() }
        XCTAssertTrue(salts.allSatisfy { $0.count == FieldCommitment.saltLength })
        XCTAssertEqual(Set(salts).count, salts.count)
        let value = JSONValue.string("info@repaircafe.example")
        XCTAssertNotEqual(try FieldCommitment.hash(value, salt: salts[0]), try FieldCommitment.hash(value, salt: salts[1]),
                          "the same value commits differently under another salt")
        XCTAssertThrowsError(try FieldCommitment.hash(value, salt: [1, 2, 3])) {
            XCTAssertEqual($0 as? CommitmentError, .badSalt(length: 3))
        }
        XCTAssertFalse(FieldCommitment.opens("00", value: value, salt: []))
    }
}
