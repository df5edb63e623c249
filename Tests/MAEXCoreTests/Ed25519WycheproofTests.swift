import Foundation
import XCTest

@testable import MAEXCore

/// Google Wycheproof EdDSA (Ed25519) verification vectors, through the policy.
final class Ed25519WycheproofTests: XCTestCase {
    /// Every "valid" vector verifies, every "invalid" one is refused (by the key
    /// policy or by `verify`). Counts are asserted so an empty file cannot pass.
    func testAllVectorsThroughNodeID() throws {
        let file = try Ed25519Fixtures.wycheproof()
        XCTAssertEqual(file.algorithm, "EDDSA")
        XCTAssertEqual(file.numberOfTests, 151)
        var valid = 0
        var invalid = 0
        var wrong: [Int] = []
        for group in file.testGroups {
            let nodeID = try? NodeID(rawBytes: Ed25519Fixtures.bytes(hex: group.publicKey.pk))
            for test in group.tests {
                let signature = try Ed25519Fixtures.bytes(hex: test.sig)
                let message = try Ed25519Fixtures.bytes(hex: test.msg)
                let accepted = nodeID?.verify(signature: signature, over: message) ?? false
                switch test.result {
                case "valid":
                    valid += 1
                    if !accepted { wrong.append(test.tcId) }
                case "invalid":
                    invalid += 1
                    if accepted { wrong.append(test.tcId) }
                default:
                    XCTFail("tcId \(test.tcId): unexpected result \(test.result)")
                }
            }
        }
        XCTAssertEqual(valid, 88)
        XCTAssertEqual(invalid, 63)
        XCTAssertEqual(wrong, [], "tcIds decided against Wycheproof")
    }

    /// Every Wycheproof public key passes the policy (none is small order or non-canonical).
    func testAllWycheproofKeysPassPolicy() throws {
        let file = try Ed25519Fixtures.wycheproof()
        XCTAssertEqual(file.testGroups.count, 78)
        for group in file.testGroups {
            XCTAssertNoThrow(try NodeID(hex: group.publicKey.pk), group.publicKey.pk)
        }
    }

    /// The library alone (BoringSSL, no MAEX policy) already gets all 151 right,
    /// including S >= L (s + L, s + 2L, ..., "S just above the bound"): the
    /// explicit S < L and R checks in the policy are defence in depth here.
    func testLibraryAloneAgreesWithWycheproof() throws {
        let file = try Ed25519Fixtures.wycheproof()
        var count = 0
        var wrong: [Int] = []
        for group in file.testGroups {
            let key = try Ed25519Fixtures.bytes(hex: group.publicKey.pk)
            for test in group.tests {
                count += 1
                let accepted = Ed25519Backend.libraryVerify(
                    publicKey: key,
                    signature: try Ed25519Fixtures.bytes(hex: test.sig),
                    message: try Ed25519Fixtures.bytes(hex: test.msg)
                )
                if accepted != (test.result == "valid") { wrong.append(test.tcId) }
            }
        }
        XCTAssertEqual(count, 151)
        XCTAssertEqual(wrong, [])
    }

    /// RFC 8032 section 7.1 TEST 1, 2, 3 and 1024 (also contained in the
    /// Wycheproof file): the seed gives the published public key, and on the
    /// BoringSSL backend signing reproduces the published signature exactly,
    /// i.e. swift-crypto's Ed25519 signing is deterministic per RFC 8032.
    func testRFC8032SeedsAndDeterministicSignatures() throws {
        let seeds = [
            "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60",  // TEST 1
            "4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb",  // TEST 2
            "c5aa8df43f9f837bedb7442f31dcb7b166d38535076f094b85ce3a2e0b4458f7",  // TEST 3
            "f5e5767cf153319517630f226876b86c8160cc583bc013744c6bf255f5cc0ee5",  // TEST 1024
        ]
        let file = try Ed25519Fixtures.wycheproof()
        for seedHex in seeds {
            let key = try SigningKey(seed: Ed25519Fixtures.bytes(hex: seedHex))
            let groups = file.testGroups.filter { $0.publicKey.pk == key.nodeID.hex }
            XCTAssertFalse(groups.isEmpty, "no Wycheproof group for the public key of seed \(seedHex.prefix(8))")
            for group in groups {
                for test in group.tests where test.result == "valid" {
                    let message = try Ed25519Fixtures.bytes(hex: test.msg)
                    let expected = try Ed25519Fixtures.bytes(hex: test.sig)
                    XCTAssertTrue(key.nodeID.verify(signature: expected, over: message))
                    #if canImport(CryptoKit)
                    // CryptoKit signs with randomness; only verification is comparable.
                    XCTAssertTrue(key.nodeID.verify(signature: key.sign(message), over: message))
                    #else
                    XCTAssertEqual(Ed25519Hex.encode(key.sign(message)), test.sig, "tcId \(test.tcId)")
                    #endif
                }
            }
        }
    }
}
