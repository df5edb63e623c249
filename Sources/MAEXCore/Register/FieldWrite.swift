/// One value written to a field, with where it came from.
public struct FieldWrite: Hashable, Sendable {
    /// The change set that wrote it.
    public var ref: ChangeRef
    /// The author's clock when it wrote it.
    public var hlc: HLCTimestamp
    /// The value written.
    public var value: JSONValue

    /// Creates a write.
    public init(ref: ChangeRef, hlc: HLCTimestamp, value: JSONValue) {
        self.ref = ref
        self.hlc = hlc
        self.value = value
    }

    /// The total order among concurrent writes: clock, then author id, then sequence.
    public static func precedes(_ lhs: FieldWrite, _ rhs: FieldWrite) -> Bool {
        if lhs.hlc != rhs.hlc { return lhs.hlc < rhs.hlc }
        if lhs.ref.author != rhs.ref.author { return lhs.ref.author < rhs.ref.author }
        return lhs.ref.seq < rhs.ref.seq
    }

    /// The canonical description of the write, as used in the state digest.
    public var jsonValue: JSONValue {
        .object(["by": .string(ref.author.hex), "seq": .int(ref.seq), "hlc": hlc.jsonValue, "value": value])
    }
}
