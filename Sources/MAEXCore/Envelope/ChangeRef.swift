/// A reference to one change set by its author and sequence number.
///
/// Encoded as `[author-hex, seq]` in a `pred` list.
public struct ChangeRef: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The author node.
    public var author: NodeID
    /// The author's sequence number, from 1.
    public var seq: Int64

    /// Creates a reference.
    public init(author: NodeID, seq: Int64) {
        self.author = author
        self.seq = seq
    }

    public static func < (lhs: ChangeRef, rhs: ChangeRef) -> Bool {
        if lhs.author != rhs.author { return lhs.author < rhs.author }
        return lhs.seq < rhs.seq
    }

    public var description: String { "\(author.hex.prefix(12))…#\(seq)" }

    /// The wire form `[author-hex, seq]`.
    public var jsonValue: JSONValue { .array([.string(author.hex), .int(seq)]) }
}
