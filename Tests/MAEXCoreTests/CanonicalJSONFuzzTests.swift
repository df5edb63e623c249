import MAEXCore
import XCTest
import MAEXTestSupport

/// Random and mutated byte strings never crash the parser; whatever it accepts re-encodes to
/// exactly the same bytes (there is no second spelling of a value).
final class CanonicalJSONFuzzTests: XCTestCase {
    private static let alphabet: [[UInt8]] =
        [
            "{", "}", "[", "]", "\"", ",", ":", "0", "1", "9", "-", ".", "e", "E", " ", "\\", "u", "n", "t", "f",
            "null", "true", "false", "a", "\\u00", "é", "e\u{301}", "😀",
        ].map { Array($0.utf8) } + [[0x00], [0x1F], [0x7F], [0xC3], [0xFF], [0xED, 0xA0, 0x80]]

    func testRandomBytesNeverCrashAndAcceptedInputReencodesIdentically() {
        var rng = SeededGenerator(seed: 0xF022)
        var accepted = 0
        var rejected = 0
        for iteration in 0..<30_000 {
            let bytes: [UInt8]
            switch iteration % 3 {
            case 0:
                bytes = rng.bytes(Int.random(in: 0...12, using: &rng))
            case 1:
                bytes = (0..<Int.random(in: 1...16, using: &rng)).flatMap { _ in rng.pick(Self.alphabet) }
            default:
                bytes = mutate(RandomJSON.value(&rng, depth: 3).canonicalBytes, rng: &rng)
            }
            do {
                let value = try JSONValue(canonicalBytes: bytes)
                accepted += 1
                XCTAssertEqual(value.canonicalBytes, bytes, "iteration \(iteration): \(bytes.map { String($0, radix: 16) })")
            } catch {
                rejected += 1
            }
        }
        // Neither branch may be vacuous.
        XCTAssertGreaterThan(accepted, 1_000)
        XCTAssertGreaterThan(rejected, 10_000)
    }

    /// One to three random insertions, deletions or replacements.
    private func mutate(_ input: [UInt8], rng: inout SeededGenerator) -> [UInt8] {
        var bytes = input
        for _ in 0..<Int.random(in: 1...3, using: &rng) {
            let position = Int.random(in: 0...bytes.count, using: &rng)
            switch Int.random(in: 0..<3, using: &rng) {
            case 0: bytes.insert(contentsOf: rng.pick(Self.alphabet), at: position)
            case 1: if position < bytes.count { bytes.remove(at: position) }
            default: if position < bytes.count { bytes[position] = rng.pick(Self.alphabet)[0] }
            }
        }
        return bytes
    }
}
