import XCTest

@testable import MAEXCore

/// C2SP/CCTV `ed25519vectors.json`: 914 edge cases on A (public key) and R.
///
/// The expected decisions are exactly those written in `protocol/ED25519.md`.
final class Ed25519CCTVTests: XCTestCase {
    /// The written policy, as a function of the vector flags: a signature is
    /// accepted iff none of these flags is present. (`non_canonical_*` always
    /// comes with `low_order_*` in this file, `reencoded_k` always with
    /// `non_canonical_*`; mixed-order A or R with a cancelling residue is accepted.)
    static let refusingFlags: Set<String> = [
        "low_order_A", "non_canonical_A", "low_order_R", "non_canonical_R", "low_order_residue",
    ]

    static func writtenPolicyAccepts(_ flags: Set<String>) -> Bool {
        flags.isDisjoint(with: refusingFlags)
    }

    private struct Vector {
        let number: Int
        let key: [UInt8]
        let signature: [UInt8]
        let message: [UInt8]
        let flags: Set<String>
    }

    private func vectors() throws -> [Vector] {
        try Ed25519Fixtures.cctv().map {
            Vector(
                number: $0.number,
                key: try Ed25519Fixtures.bytes(hex: $0.key),
                signature: try Ed25519Fixtures.bytes(hex: $0.sig),
                message: Array($0.msg.utf8),
                flags: Set($0.flags ?? [])
            )
        }
    }

    private static func decision(_ v: Vector) -> Bool {
        guard let nodeID = try? NodeID(rawBytes: v.key) else { return false }
        return nodeID.verify(signature: v.signature, over: v.message)
    }

    func testDecisionsMatchWrittenPolicy() throws {
        let all = try vectors()
        XCTAssertEqual(all.count, 914)
        var mismatches: [Int] = []
        var accepted = 0
        for v in all {
            let decision = Self.decision(v)
            if decision != Self.writtenPolicyAccepts(v.flags) { mismatches.append(v.number) }
            if decision { accepted += 1 }
        }
        XCTAssertEqual(mismatches, [], "vector numbers decided against the written policy")
        XCTAssertEqual(accepted, 43)
    }

    /// The key policy alone: `nonCanonicalEncoding` exactly for `non_canonical_A`,
    /// `smallOrder` exactly for the other `low_order_A`, and the same classification
    /// for R through the shared point check.
    func testKeyErrorsMatchFlags() throws {
        var mismatches: [Int] = []
        for v in try vectors() {
            for (point, suffix) in [(v.key[...], "A"), (v.signature[0..<32], "R")] {
                let expected: KeyError?
                if v.flags.contains("non_canonical_\(suffix)") {
                    expected = .nonCanonicalEncoding
                } else if v.flags.contains("low_order_\(suffix)") {
                    expected = .smallOrder
                } else {
                    expected = nil
                }
                var actual: KeyError?
                do { try Ed25519Policy.checkPoint(point) } catch { actual = error }
                if actual != expected { mismatches.append(v.number) }
            }
        }
        XCTAssertEqual(mismatches, [])
    }

    /// Mixed-order public keys (low-order component, not low order) are accepted by the policy.
    func testMixedOrderKeysAreAccepted() throws {
        let mixed = try vectors().filter {
            $0.flags.contains("low_order_component_A") && !$0.flags.contains("low_order_A")
        }
        XCTAssertFalse(mixed.isEmpty)
        for v in mixed {
            XCTAssertNoThrow(try NodeID(rawBytes: v.key), "vector \(v.number)")
        }
    }

    /// What BoringSSL decides without the MAEX policy: the "ref10" behaviour.
    /// Apart from `reencoded_k` vectors it rejects exactly `non_canonical_R` and
    /// `low_order_residue` (cofactorless equation, byte comparison of R), so it
    /// accepts small-order A, small-order R and non-canonical A, which is why the
    /// policy exists. `reencoded_k` vectors (k computed over the canonical
    /// re-encoding) still verify when k and the hashed-bytes k agree modulo the
    /// small order of A; the policy refuses all of them (they all carry a
    /// `non_canonical_*` flag).
    func testLibraryAloneIsCofactorlessRef10() throws {
        var mismatches: [Int] = []
        var acceptedOnlyWithoutPolicy = 0
        var acceptedNonCanonicalA = 0
        for v in try vectors() {
            let library = Ed25519Backend.libraryVerify(publicKey: v.key, signature: v.signature, message: v.message)
            if v.flags.contains("reencoded_k") {
                XCTAssertFalse(Self.decision(v), "vector \(v.number)")
                XCTAssertFalse(v.flags.isDisjoint(with: ["non_canonical_A", "non_canonical_R"]), "vector \(v.number)")
            } else if library != v.flags.isDisjoint(with: ["non_canonical_R", "low_order_residue"]) {
                mismatches.append(v.number)
            }
            if library && !Self.decision(v) { acceptedOnlyWithoutPolicy += 1 }
            if library && v.flags.contains("non_canonical_A") { acceptedNonCanonicalA += 1 }
        }
        XCTAssertEqual(mismatches, [])
        XCTAssertGreaterThan(acceptedOnlyWithoutPolicy, 0)
        XCTAssertGreaterThan(acceptedNonCanonicalA, 0)
    }

    /// The R rule matters: with a mixed-order key, a small-order R can satisfy the
    /// cofactorless equation; the library accepts, `NodeID.verify` refuses.
    func testSmallOrderRIsRefusedEvenWhenTheEquationHolds() throws {
        let cases = try vectors().filter {
            $0.flags.contains("low_order_R") && !$0.flags.contains("low_order_A")
                && !$0.flags.contains("non_canonical_R") && !$0.flags.contains("low_order_residue")
        }
        XCTAssertFalse(cases.isEmpty)
        for v in cases {
            XCTAssertTrue(Ed25519Backend.libraryVerify(publicKey: v.key, signature: v.signature, message: v.message))
            XCTAssertFalse(Self.decision(v), "vector \(v.number)")
        }
    }
}
