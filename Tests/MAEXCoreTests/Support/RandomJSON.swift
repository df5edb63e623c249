import MAEXCore
import MAEXTestSupport

/// Random canonical-JSON material for round-trip and fuzz tests.
enum RandomJSON {
    /// Text pieces that exercise escapes, non-ASCII bytes and canonically equivalent spellings.
    static let pieces: [String] = [
        "a", "b", "z", "A", "Z", "0", "9", " ", "_", "-", "\"", "\\", "/", "\n", "\r", "\t", "\u{0}", "\u{1}",
        "\u{8}", "\u{c}", "\u{1f}", "\u{7f}", "é", "e", "\u{301}", "€", "😀", "\u{2028}", "｡", "\u{FEFF}",
    ]

    /// A random string of 0 to `maxPieces` pieces.
    static func string(_ rng: inout SeededGenerator, maxPieces: Int = 6) -> String {
        (0..<Int.random(in: 0...maxPieces, using: &rng)).map { _ in rng.pick(pieces) }.joined()
    }

    /// A random value nested at most `depth` levels.
    static func value(_ rng: inout SeededGenerator, depth: Int = 4) -> JSONValue {
        let kind = Int.random(in: 0..<(depth > 0 ? 7 : 5), using: &rng)
        switch kind {
        case 0: return .null
        case 1: return .bool(rng.chance(0.5))
        case 2:
            let edge: [Int64] = [0, 1, -1, 9, 10, -10, JSONValue.maxSafeInteger, -JSONValue.maxSafeInteger]
            return .int(
                rng.chance(0.3) ? rng.pick(edge) : Int64.random(in: -JSONValue.maxSafeInteger...JSONValue.maxSafeInteger, using: &rng))
        case 3, 4: return .string(string(&rng))
        case 5: return .array((0..<Int.random(in: 0...4, using: &rng)).map { _ in value(&rng, depth: depth - 1) })
        default:
            var members: [String: JSONValue] = [:]
            for _ in 0..<Int.random(in: 0...4, using: &rng) {
                members[string(&rng, maxPieces: 3)] = value(&rng, depth: depth - 1)
            }
            return .object(members)
        }
    }
}
