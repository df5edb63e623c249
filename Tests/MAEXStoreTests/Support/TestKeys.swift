import MAEXCore
import MAEXTestSupport

/// Deterministic keys, record ids and clocks for the store tests.
enum TestKeys {
    /// The realm of every test store.
    static let realm = "maex-store-test"
    /// A wall clock around which the tests write (2026-01-01).
    static let wall: Int64 = 1_767_225_600_000

    /// The key with seed `[n, n, ..., n]`.
    static func key(_ n: UInt8) -> SigningKey {
        do {
            return try SigningKey(seed: [UInt8](repeating: n, count: 32))
        } catch {
            preconditionFailure("a 32-byte seed is always accepted: \(error)")
        }
    }

    /// A lowercase UUID derived from a number.
    static func recordID(_ number: Int) -> String {
        let hex = String(UInt64(number) &* 0x9E37_79B9_7F4A_7C15, radix: 16)
        let chars = Array(String(repeating: "0", count: 32 - hex.count) + hex)
        return "\(String(chars[0..<8]))-\(String(chars[8..<12]))-\(String(chars[12..<16]))-\(String(chars[16..<20]))-\(String(chars[20..<32]))"
    }

    /// An initiative record key derived from a number.
    static func initiative(_ number: Int) -> RecordKey {
        RecordKey(type: "initiative", id: recordID(number))
    }
}

extension ChainBuilder {
    /// A chain of `key` in the store tests' realm, starting at `TestKeys.wall`.
    init(_ key: SigningKey, startMilliseconds: Int64 = TestKeys.wall) {
        self.init(key, realm: TestKeys.realm, startMilliseconds: startMilliseconds)
    }
}

extension ChangeOperation {
    /// A set of `field` of `record` to a string.
    static func set(_ record: RecordKey, _ field: String, _ value: String, pred: [ChangeRef] = []) -> ChangeOperation {
        .set(SetOperation(record: record, field: field, value: .string(value), pred: pred))
    }
}
