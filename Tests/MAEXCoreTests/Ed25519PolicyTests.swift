import XCTest

@testable import MAEXCore

/// Unit tests of `Ed25519Policy` on hand-picked encodings.
final class Ed25519PolicyTests: XCTestCase {
    private func policyError(_ hex: String) throws -> KeyError? {
        do {
            try Ed25519Policy.check(publicKey: Ed25519Fixtures.bytes(hex: hex))
            return nil
        } catch let error as KeyError {
            return error
        }
    }

    /// The 8 small-order points (canonical encodings) refuse as `.smallOrder`.
    func testEightSmallOrderPoints() throws {
        let smallOrder = [
            "0000000000000000000000000000000000000000000000000000000000000000",  // order 4
            "0000000000000000000000000000000000000000000000000000000000000080",  // order 4
            "0100000000000000000000000000000000000000000000000000000000000000",  // order 1 (identity)
            "26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc05",  // order 8
            "26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc85",  // order 8
            "c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac037a",  // order 8
            "c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac03fa",  // order 8
            "ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",  // order 2
        ]
        for hex in smallOrder {
            XCTAssertEqual(try policyError(hex), .smallOrder, hex)
            XCTAssertThrowsError(try NodeID(hex: hex))
        }
    }

    /// The 6 alternative encodings of small-order points refuse as `.nonCanonicalEncoding`.
    func testSixAlternativeEncodingsOfSmallOrderPoints() throws {
        let alternatives = [
            "edffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",  // y = p (0)
            "edffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff",  // y = p (0), sign set
            "0100000000000000000000000000000000000000000000000000000000000080",  // identity, x = -0
            "eeffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",  // y = p + 1 (1)
            "eeffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff",  // y = p + 1, x = -0
            "ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff",  // order 2, x = -0
        ]
        for hex in alternatives {
            XCTAssertEqual(try policyError(hex), .nonCanonicalEncoding, hex)
        }
    }

    /// All 38 encodings with y in [p, 2^255) (both sign bits) are non-canonical.
    func testEveryYAtLeastP() throws {
        var count = 0
        for low in UInt8(0xed)...UInt8(0xff) {
            for top in [UInt8(0x7f), UInt8(0xff)] {
                var bytes = [UInt8](repeating: 0xff, count: 32)
                bytes[0] = low
                bytes[31] = top
                XCTAssertThrowsError(try NodeID(rawBytes: bytes)) { error in
                    XCTAssertEqual(error as? KeyError, .nonCanonicalEncoding)
                }
                count += 1
            }
        }
        XCTAssertEqual(count, 38)
    }

    /// Boundaries next to the refused encodings are accepted: y = p - 2
    /// (the largest canonical y other than p - 1) and the order-8 y values plus one.
    func testNeighboursAreAccepted() throws {
        XCTAssertNil(try policyError("ebffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f"))
        XCTAssertNil(try policyError("27e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc05"))
        XCTAssertNil(try policyError("0200000000000000000000000000000000000000000000000000000000000000"))
    }

    func testWrongLength() {
        for count in [0, 31, 33, 64] {
            XCTAssertThrowsError(try Ed25519Policy.check(publicKey: [UInt8](repeating: 7, count: count))) { error in
                XCTAssertEqual(error as? KeyError, .wrongLength(expected: 32, actual: count))
            }
        }
    }

    /// y = 2 is not on the curve ((y^2 - 1) / (d y^2 + 1) is not a square mod p).
    /// The policy is syntactic and accepts it; verification can never succeed.
    func testOffCurveKeyIsAcceptedButNeverVerifies() throws {
        let offCurve = try NodeID(hex: "0200000000000000000000000000000000000000000000000000000000000000")
        let signer = SigningKey()
        let message: [UInt8] = Array("hello".utf8)
        XCTAssertFalse(offCurve.verify(signature: signer.sign(message), over: message))
        var identityR = [UInt8](repeating: 0, count: 64)
        identityR[0] = 1
        XCTAssertFalse(offCurve.verify(signature: identityR, over: message))
        XCTAssertFalse(Ed25519Backend.libraryVerify(publicKey: offCurve.rawBytes, signature: identityR, message: message))
    }

    /// S must be < L: the bound itself and S + L are refused by the policy's
    /// scalar check and by the library; L - 1 is a canonical scalar.
    func testScalarBound() throws {
        let order = Ed25519Policy.groupOrder
        XCTAssertFalse(Ed25519Policy.isCanonicalScalar(order[...]))
        var belowOrder = order
        belowOrder[0] -= 1
        XCTAssertTrue(Ed25519Policy.isCanonicalScalar(belowOrder[...]))
        XCTAssertTrue(Ed25519Policy.isCanonicalScalar([UInt8](repeating: 0, count: 32)[...]))
        XCTAssertFalse(Ed25519Policy.isCanonicalScalar([UInt8](repeating: 0xff, count: 32)[...]))

        let key = SigningKey()
        let message: [UInt8] = Array("malleability".utf8)
        let signature = key.sign(message)
        var malleated = Array(signature[0..<32])
        var carry: UInt16 = 0
        for i in 0..<32 {
            let sum = UInt16(signature[32 + i]) + UInt16(order[i]) + carry
            malleated.append(UInt8(truncatingIfNeeded: sum))
            carry = sum >> 8
        }
        XCTAssertEqual(carry, 0, "S + L fits in 256 bits because S < L < 2^253")
        XCTAssertTrue(key.nodeID.verify(signature: signature, over: message))
        XCTAssertFalse(Ed25519Policy.isAcceptableSignatureEncoding(malleated))
        XCTAssertFalse(key.nodeID.verify(signature: malleated, over: message))
        XCTAssertFalse(Ed25519Backend.libraryVerify(publicKey: key.nodeID.rawBytes, signature: malleated, message: message))
    }

    func testSignatureLengthMustBe64() {
        let key = SigningKey()
        let message: [UInt8] = [1, 2, 3]
        let signature = key.sign(message)
        XCTAssertEqual(signature.count, 64)
        XCTAssertFalse(key.nodeID.verify(signature: [], over: message))
        XCTAssertFalse(key.nodeID.verify(signature: Array(signature.dropLast()), over: message))
        XCTAssertFalse(key.nodeID.verify(signature: signature + [0], over: message))
        XCTAssertFalse(key.nodeID.verify(signature: [0] + signature, over: message))
    }
}
