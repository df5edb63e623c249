import Foundation
import XCTest

import MAEXCore

final class NodeIDTests: XCTestCase {
    /// RFC 8032 TEST 1 public key.
    private let rfcKeyHex = "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a"

    private func assertKeyError(
        _ expected: KeyError, _ body: () throws -> NodeID, file: StaticString = #filePath, line: UInt = #line
    ) {
        XCTAssertThrowsError(try body(), file: file, line: line) { error in
            XCTAssertEqual(error as? KeyError, expected, file: file, line: line)
        }
    }

    func testHexRoundTrip() throws {
        let nodeID = try NodeID(hex: rfcKeyHex)
        XCTAssertEqual(nodeID.rawBytes.count, 32)
        XCTAssertEqual(nodeID.rawBytes.first, 0xd7)
        XCTAssertEqual(nodeID.rawBytes.last, 0x1a)
        XCTAssertEqual(nodeID.hex, rfcKeyHex)
        XCTAssertEqual(nodeID.description, rfcKeyHex)
        XCTAssertEqual("\(nodeID)", rfcKeyHex)
        XCTAssertEqual(try NodeID(rawBytes: nodeID.rawBytes), nodeID)

        for _ in 0..<20 {
            let random = SigningKey().nodeID
            XCTAssertEqual(random.hex.count, 64)
            XCTAssertEqual(random.hex, random.hex.lowercased())
            XCTAssertEqual(try NodeID(hex: random.hex), random)
        }
    }

    func testStrictParsing() {
        assertKeyError(.notHex) { try NodeID(hex: self.rfcKeyHex.uppercased()) }
        assertKeyError(.notHex) { try NodeID(hex: "D" + self.rfcKeyHex.dropFirst()) }
        assertKeyError(.notHex) { try NodeID(hex: "g" + self.rfcKeyHex.dropFirst()) }
        assertKeyError(.notHex) { try NodeID(hex: " " + self.rfcKeyHex.dropFirst()) }
        assertKeyError(.notHex) { try NodeID(hex: "0x" + self.rfcKeyHex.dropFirst(2)) }
        assertKeyError(.notHex) { try NodeID(hex: self.rfcKeyHex + "\n") }
        assertKeyError(.notHex) { try NodeID(hex: "é" + self.rfcKeyHex.dropFirst()) }
        assertKeyError(.wrongLength(expected: 64, actual: 0)) { try NodeID(hex: "") }
        assertKeyError(.wrongLength(expected: 64, actual: 62)) { try NodeID(hex: String(self.rfcKeyHex.dropLast(2))) }
        assertKeyError(.wrongLength(expected: 64, actual: 63)) { try NodeID(hex: String(self.rfcKeyHex.dropLast())) }
        assertKeyError(.wrongLength(expected: 64, actual: 66)) { try NodeID(hex: self.rfcKeyHex + "00") }
        assertKeyError(.smallOrder) {
            try NodeID(hex: "0100000000000000000000000000000000000000000000000000000000000000")
        }
        assertKeyError(.smallOrder) {
            try NodeID(hex: "c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac037a")
        }
        assertKeyError(.nonCanonicalEncoding) {
            try NodeID(hex: "f0ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f")
        }
        assertKeyError(.nonCanonicalEncoding) {
            try NodeID(hex: "0100000000000000000000000000000000000000000000000000000000000080")
        }
        assertKeyError(.wrongLength(expected: 32, actual: 31)) { try NodeID(rawBytes: [UInt8](repeating: 9, count: 31)) }
        assertKeyError(.wrongLength(expected: 32, actual: 33)) { try NodeID(rawBytes: [UInt8](repeating: 9, count: 33)) }
    }

    func testKeyErrorDescriptionsAreInformative() {
        XCTAssertTrue(KeyError.wrongLength(expected: 32, actual: 31).description.contains("32"))
        XCTAssertTrue(KeyError.wrongLength(expected: 32, actual: 31).description.contains("31"))
        XCTAssertTrue(KeyError.notHex.description.contains("hex"))
        XCTAssertTrue(KeyError.nonCanonicalEncoding.description.contains("non-canonical"))
        XCTAssertTrue(KeyError.smallOrder.description.contains("small order"))
    }

    func testCodableRoundTrip() throws {
        let ids = [try NodeID(hex: rfcKeyHex), SigningKey().nodeID]
        let data = try JSONEncoder().encode(ids)
        let text = String(decoding: data, as: UTF8.self)
        XCTAssertEqual(text, "[\"\(ids[0].hex)\",\"\(ids[1].hex)\"]")
        XCTAssertEqual(try JSONDecoder().decode([NodeID].self, from: data), ids)

        struct Wrapper: Codable, Equatable { let node: NodeID }
        let wrapper = Wrapper(node: ids[1])
        XCTAssertEqual(try JSONDecoder().decode(Wrapper.self, from: JSONEncoder().encode(wrapper)), wrapper)
    }

    func testDecodingValidates() {
        let bad = [
            "\"\(rfcKeyHex.uppercased())\"",
            "\"0100000000000000000000000000000000000000000000000000000000000000\"",
            "\"eeffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f\"",
            "\"abcd\"",
            "42",
        ]
        for json in bad {
            XCTAssertThrowsError(try JSONDecoder().decode(NodeID.self, from: Data(json.utf8)), json) { error in
                guard case DecodingError.dataCorrupted = error else {
                    if case DecodingError.typeMismatch = error, json == "42" { return }
                    return XCTFail("unexpected error \(error) for \(json)")
                }
            }
        }
    }

    func testComparableMatchesHexOrder() throws {
        var ids = (0..<64).map { _ in SigningKey().nodeID }
        ids.append(try NodeID(hex: rfcKeyHex))
        ids.append(try NodeID(hex: "0200000000000000000000000000000000000000000000000000000000000000"))
        ids.append(try NodeID(hex: "ebffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f"))
        XCTAssertEqual(ids.sorted().map(\.hex), ids.map(\.hex).sorted())
        for a in ids.prefix(16) {
            for b in ids.prefix(16) {
                XCTAssertEqual(a < b, a.hex < b.hex)
                XCTAssertEqual(a == b, a.hex == b.hex)
            }
        }
    }

    func testHashable() throws {
        let a = try NodeID(hex: rfcKeyHex)
        let b = try NodeID(hex: rfcKeyHex)
        XCTAssertEqual(Set([a, b, SigningKey().nodeID]).count, 2)
    }
}
