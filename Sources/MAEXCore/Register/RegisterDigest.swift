import Crypto

/// The state digest: SHA-256 over one canonical JSON line per record, in record order.
///
/// A line is `{"type":T,"id":I,"fields":{...}}` for a live record or
/// `{"type":T,"id":I,"deleted":{...}}` for a tombstone, followed by a newline; records are
/// ordered by type, then id (bytewise). Any store that feeds its records in that order
/// computes the same digest as the in-memory register.
public struct RegisterDigest {
    private var hasher = SHA256()
    private var line: [UInt8] = []

    /// A digest of no records yet.
    public init() {}

    /// Adds the next record; callers feed records in `RecordKey` order.
    public mutating func add(_ key: RecordKey, _ state: RecordState) {
        var members = state.jsonMembers()
        members["type"] = .string(key.type)
        members["id"] = .string(key.id)
        line.removeAll(keepingCapacity: true)
        JSONValue.object(members).appendCanonical(to: &line)
        line.append(0x0A)
        hasher.update(data: line)
    }

    /// The hex digest.
    public func finalize() -> String {
        Hex.encode(hasher.finalize())
    }
}
