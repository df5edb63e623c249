import Foundation
import MAEXCore
import XCTest

/// The golden vectors of `protocol/vectors/` are up to date, and the test keys are what they say.
///
/// `MAEX_WRITE_VECTORS=1 swift test --filter GoldenVectorTests/testVectorFilesMatchTheGenerator`
/// rewrites the files from `VectorCatalog` (never set it in CI). The other `GoldenVector*Tests`
/// check each file's content against the code, case by case, so a change in the code that
/// alters the protocol fails there with the case's name.
final class GoldenVectorTests: XCTestCase {
    func testVectorFilesMatchTheGenerator() throws {
        let documents = try VectorCatalog.documents()
        XCTAssertEqual(documents.map(\.name), VectorJSON.fileNames)
        let write = ProcessInfo.processInfo.environment["MAEX_WRITE_VECTORS"] == "1"
        for (name, value) in documents {
            let text = VectorJSON.pretty(value)
            let url = VectorJSON.directory.appendingPathComponent(name)
            if write {
                try Data(text.utf8).write(to: url, options: .atomic)
                continue
            }
            let stored = try String(contentsOf: url, encoding: .utf8)
            #if os(Linux)
                // Signatures are deterministic here (BoringSSL): the files must match byte for byte.
                if !stored.utf8.elementsEqual(text.utf8) {
                    let (number, expected, found) = Self.firstDifference(text, stored)
                    XCTFail(
                        "\(name) is out of date at line \(number): the generator writes\n\(expected)\nthe file has\n\(found)\n"
                            + "(run MAEX_WRITE_VECTORS=1 swift test --filter GoldenVectorTests/testVectorFilesMatchTheGenerator)")
                }
            #else
                // CryptoKit signs with randomness, so only the length can match (signatures have a fixed length);
                // the other GoldenVector tests check the content, signatures by verification.
                XCTAssertEqual(stored.count, text.count, "\(name) is out of date")
            #endif
        }
    }

    /// The first line where two texts differ: its number (from 1) and both versions.
    static func firstDifference(_ lhs: String, _ rhs: String) -> (Int, String, String) {
        let left = lhs.split(separator: "\n", omittingEmptySubsequences: false)
        let right = rhs.split(separator: "\n", omittingEmptySubsequences: false)
        for index in 0..<max(left.count, right.count) {
            let a = index < left.count ? String(left[index]) : "(end of text)"
            let b = index < right.count ? String(right[index]) : "(end of text)"
            if !a.utf8.elementsEqual(b.utf8) { return (index + 1, String(a.prefix(300)), String(b.prefix(300))) }
        }
        return (0, "", "")
    }

    func testEveryVectorFileParsesAndHasCases() throws {
        for name in VectorJSON.fileNames {
            let document = try VectorJSON.load(name)
            XCTAssertEqual(try document.vectorInt("format"), 1, name)
            XCTAssertFalse(try document.vectorString("description").isEmpty, name)
            let count = try document.vectorArray("cases").count + (document.objectValue?["valid"]?.arrayValue?.count ?? 0)
            XCTAssertGreaterThan(count, 0, "\(name) holds no vectors")
        }
    }

    func testChangeSetIDIsSHA256() {
        // FIPS 180-2 test vector "abc"; the vectors use ChangeSetID(hashing:) as their SHA-256.
        XCTAssertEqual(ChangeSetID(hashing: Array("abc".utf8)).hex, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }

    func testKeysDeriveTheirNodeIDs() throws {
        let document = try VectorJSON.load("keys.json")
        let cases = try document.vectorArray("cases")
        XCTAssertEqual(cases.count, 4)
        for item in cases {
            let key = try SigningKey(seed: try item.vectorBytes("seed_hex"))
            XCTAssertEqual(key.nodeID.hex, try item.vectorString("node_id"))
            XCTAssertEqual(try item.vectorInt("index"), Int64(VectorKeys.keys.firstIndex { $0.nodeID == key.nodeID } ?? -1))
        }
        let order = try document.vectorArray("key_order").compactMap(\.intValue).map(Int.init)
        let nodeIDs = try cases.map { try $0.vectorString("node_id") }
        XCTAssertEqual(order.map { nodeIDs[$0] }, nodeIDs.sorted(), "key_order must sort the node ids ascending")
        XCTAssertEqual(try document.vectorString("realm"), VectorKeys.realm)
    }
}

/// Reading signed change sets out of vector files.
enum GoldenVector {
    /// The keys of `keys.json`, by index.
    static func keys() throws -> [SigningKey] {
        try VectorJSON.load("keys.json").vectorArray("cases").map { try SigningKey(seed: try $0.vectorBytes("seed_hex")) }
    }

    /// Opens a `{"key","body","sig_hex","id"}` description, checking the author and the id.
    static func open(_ item: JSONValue, keys: [SigningKey], realm: String, file: StaticString = #filePath, line: UInt = #line) throws
        -> SignedChangeSet
    {
        let body = Array(try item.vectorString("body").utf8)
        let signed = try SignedChangeSet.open(body: body, signature: try item.vectorBytes("sig_hex"), realm: realm)
        XCTAssertEqual(signed.id.hex, try item.vectorString("id"), file: file, line: line)
        XCTAssertEqual(signed.changeSet.author, keys[Int(try item.vectorInt("key"))].nodeID, file: file, line: line)
        XCTAssertEqual(
            signed.changeSet.canonicalBytesIfRoundTrip ?? body, body, "decoding and encoding again must give the body", file: file,
            line: line)
        return signed
    }
}

extension ChangeSet {
    /// The re-encoded bytes when every operation is understood (version 1); `nil` otherwise,
    /// since unknown keys and operations of newer versions are not kept in the decoded view.
    var canonicalBytesIfRoundTrip: [UInt8]? {
        guard version == EnvelopeLimits.currentVersion else { return nil }
        return canonicalBytes
    }
}
