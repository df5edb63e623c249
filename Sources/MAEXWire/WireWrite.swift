import MAEXCore

/// One value written to a field, with where it came from: `{"by", "seq", "hlc", "value"}`,
/// the same members as a write in the state digest.
public struct WireWrite: Codable, Hashable, Sendable {
    /// The author id, hex.
    public var by: String
    /// The author's sequence number of the change set that wrote it.
    public var seq: Int64
    /// The author's clock: `[milliseconds, counter]`.
    public var hlc: [Int64]
    /// The value written.
    public var value: WireJSON

    /// Creates a write.
    public init(by: String, seq: Int64, hlc: [Int64], value: WireJSON) {
        self.by = by
        self.seq = seq
        self.hlc = hlc
        self.value = value
    }

    /// The wire form of a field write.
    public init(_ write: FieldWrite) {
        self.init(
            by: write.ref.author.hex, seq: write.ref.seq, hlc: [write.hlc.milliseconds, write.hlc.counter],
            value: WireJSON(write.value))
    }
}
