import Foundation
import XCTest

/// Loading of the Ed25519 test vector fixtures bundled with the test target.
enum Ed25519Fixtures {
    /// Wycheproof `eddsa_verify_schema_v1` file (only the fields the tests use).
    struct WycheproofFile: Decodable {
        struct Group: Decodable {
            struct PublicKey: Decodable { let pk: String }
            let publicKey: PublicKey
            let tests: [Test]
        }

        struct Test: Decodable {
            let tcId: Int
            let comment: String
            let msg: String
            let sig: String
            let result: String
        }

        let algorithm: String
        let numberOfTests: Int
        let testGroups: [Group]
    }

    /// One vector of C2SP/CCTV `ed25519vectors.json`; `flags` is null for the plain vector.
    struct CCTVVector: Decodable {
        let number: Int
        let key: String
        let sig: String
        let msg: String
        let flags: [String]?
    }

    struct FixtureError: Error, CustomStringConvertible {
        let description: String
    }

    static func url(_ name: String, _ ext: String?) throws -> URL {
        guard let url = Bundle.module.url(forResource: name, withExtension: ext, subdirectory: "Fixtures") else {
            throw FixtureError(description: "fixture Fixtures/\(name)\(ext.map { ".\($0)" } ?? "") not found in the test bundle")
        }
        return url
    }

    static func wycheproof() throws -> WycheproofFile {
        let data = try Data(contentsOf: url("wycheproof_ed25519_test", "json"))
        return try JSONDecoder().decode(WycheproofFile.self, from: data)
    }

    static func cctv() throws -> [CCTVVector] {
        let data = try Data(contentsOf: url("cctv_ed25519vectors", "json"))
        return try JSONDecoder().decode([CCTVVector].self, from: data)
    }

    /// Decodes hex of any even length, either case (test data only).
    static func bytes(hex: String) throws -> [UInt8] {
        let chars = Array(hex.utf8)
        guard chars.count % 2 == 0 else { throw FixtureError(description: "odd-length hex: \(hex)") }
        func nibble(_ c: UInt8) throws -> UInt8 {
            switch c {
            case 48...57: return c - 48
            case 97...102: return c - 87
            case 65...70: return c - 55
            default: throw FixtureError(description: "bad hex: \(hex)")
            }
        }
        var out: [UInt8] = []
        out.reserveCapacity(chars.count / 2)
        var i = 0
        while i < chars.count {
            out.append(try nibble(chars[i]) << 4 | nibble(chars[i + 1]))
            i += 2
        }
        return out
    }
}

final class Ed25519FixturesTests: XCTestCase {
    func testFixturesAndLicensesAreBundled() throws {
        for (name, ext) in [
            ("wycheproof_ed25519_test", "json"), ("wycheproof_LICENSE", nil),
            ("cctv_ed25519vectors", "json"), ("cctv_ed25519_LICENSE", nil),
        ] {
            let data = try Data(contentsOf: Ed25519Fixtures.url(name, ext))
            XCTAssertGreaterThan(data.count, 1000, name)
        }
    }

    func testFixtureHexHelper() throws {
        XCTAssertEqual(try Ed25519Fixtures.bytes(hex: ""), [])
        XCTAssertEqual(try Ed25519Fixtures.bytes(hex: "00ffA0"), [0x00, 0xff, 0xa0])
        XCTAssertThrowsError(try Ed25519Fixtures.bytes(hex: "0"))
        XCTAssertThrowsError(try Ed25519Fixtures.bytes(hex: "zz"))
    }
}
