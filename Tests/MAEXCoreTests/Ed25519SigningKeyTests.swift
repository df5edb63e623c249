import Foundation
import XCTest

import MAEXCore

final class Ed25519SigningKeyTests: XCTestCase {
    private func hex(_ bytes: [UInt8]) -> String {
        bytes.map { String(format: "%02x", $0) }.joined()
    }

    func testDescriptionsDoNotRevealSeed() {
        let key = SigningKey()
        let seedHex = hex(key.seed)
        let seedHexUpper = seedHex.uppercased()
        var dumped = ""
        dump(key, to: &dumped)
        let renderings = [
            key.description, key.debugDescription, "\(key)", String(reflecting: key), String(describing: key),
            dumped, "\(Mirror(reflecting: key).children.map { "\($0.label ?? ""): \($0.value)" })",
        ]
        for text in renderings {
            XCTAssertFalse(text.contains(seedHex), text)
            XCTAssertFalse(text.contains(seedHexUpper), text)
            XCTAssertFalse(text.contains(String(seedHex.prefix(16))), text)
            XCTAssertFalse(text.contains("\(key.seed)"), text)
        }
        XCTAssertTrue(key.description.contains(key.nodeID.hex))
    }

    func testSeedRoundTrip() throws {
        let key = SigningKey()
        XCTAssertEqual(key.seed.count, 32)
        let restored = try SigningKey(seed: key.seed)
        XCTAssertEqual(restored.nodeID, key.nodeID)
        XCTAssertEqual(restored.seed, key.seed)
        let message: [UInt8] = Array("round trip".utf8)
        XCTAssertTrue(key.nodeID.verify(signature: restored.sign(message), over: message))
    }

    func testSeedWrongLength() {
        for count in [0, 31, 33, 64] {
            XCTAssertThrowsError(try SigningKey(seed: [UInt8](repeating: 1, count: count))) { error in
                XCTAssertEqual(error as? KeyError, .wrongLength(expected: 32, actual: count))
            }
        }
    }

    func testRandomKeysDiffer() {
        let a = SigningKey()
        let b = SigningKey()
        XCTAssertNotEqual(a.seed, b.seed)
        XCTAssertNotEqual(a.nodeID, b.nodeID)
    }

    func testSignVerifyRoundTrip() {
        let key = SigningKey()
        for message in [[], [0], Array("MAEX".utf8), [UInt8](repeating: 0xab, count: 100_000)] as [[UInt8]] {
            let signature = key.sign(message)
            XCTAssertEqual(signature.count, 64)
            XCTAssertTrue(key.nodeID.verify(signature: signature, over: message))
            XCTAssertFalse(SigningKey().nodeID.verify(signature: signature, over: message))
        }
    }

    func testFlippedBitInMessageFails() {
        let key = SigningKey()
        let message: [UInt8] = Array("the quick brown fox".utf8)
        let signature = key.sign(message)
        for bit in 0..<(message.count * 8) {
            var tampered = message
            tampered[bit / 8] ^= 1 << UInt8(bit % 8)
            XCTAssertFalse(key.nodeID.verify(signature: signature, over: tampered), "bit \(bit)")
        }
        XCTAssertFalse(key.nodeID.verify(signature: signature, over: message + [0]))
        XCTAssertFalse(key.nodeID.verify(signature: signature, over: Array(message.dropLast())))
    }

    func testFlippedBitInSignatureFails() {
        let key = SigningKey()
        let message: [UInt8] = Array("every bit counts".utf8)
        let signature = key.sign(message)
        for bit in 0..<512 {
            var tampered = signature
            tampered[bit / 8] ^= 1 << UInt8(bit % 8)
            XCTAssertFalse(key.nodeID.verify(signature: tampered, over: message), "bit \(bit)")
        }
    }

    /// BoringSSL (Linux) signs deterministically per RFC 8032; CryptoKit does not.
    func testSigningDeterminism() throws {
        #if canImport(CryptoKit)
        throw XCTSkip("CryptoKit Ed25519 signatures are randomized")
        #else
        let key = SigningKey()
        let message: [UInt8] = Array("deterministic".utf8)
        XCTAssertEqual(key.sign(message), key.sign(message))
        XCTAssertEqual(try SigningKey(seed: key.seed).sign(message), key.sign(message))
        #endif
    }
}
