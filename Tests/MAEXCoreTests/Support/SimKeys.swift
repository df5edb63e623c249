import MAEXCore

/// Deterministic signing keys for tests: key `n` has the seed `[n, n, ..., n]`.
enum SimKeys {
    /// The key with index `index` (0...255).
    static func key(_ index: Int) -> SigningKey {
        do {
            return try SigningKey(seed: [UInt8](repeating: UInt8(index), count: 32))
        } catch {
            preconditionFailure("a 32-byte seed is always accepted: \(error)")
        }
    }

    /// Keys `0..<count`, precomputed once.
    static let all: [SigningKey] = (0..<16).map { key($0 + 1) }

    /// A lowercase UUID derived from a number, for record ids.
    static func recordID(_ number: Int) -> String {
        let hex = String(UInt64(number) &* 0x9E37_79B9_7F4A_7C15, radix: 16)
        let padded = String(repeating: "0", count: 32 - hex.count) + hex
        let chars = Array(padded)
        return
            "\(String(chars[0..<8]))-\(String(chars[8..<12]))-\(String(chars[12..<16]))-\(String(chars[16..<20]))-\(String(chars[20..<32]))"
    }

    /// An initiative record key derived from a number.
    static func initiative(_ number: Int) -> RecordKey {
        RecordKey(type: "initiative", id: recordID(number))
    }

    /// The realm used by the core tests.
    static let realm = "maex-test"
}
