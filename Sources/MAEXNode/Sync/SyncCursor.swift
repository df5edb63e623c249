import MAEXCore

/// The position of a pull: for each author, the highest sequence this node has received.
///
/// It starts from the store's vector (what is durably applied), so after a crash the next round
/// continues where the last committed batch ended. During a round it also advances past change
/// sets that were received but not applied (pending or rejected), so the peer is never asked
/// for the same change set twice in one round. Pure: no I/O.
public struct SyncCursor: Sendable, Hashable {
    /// For each author, the highest sequence received.
    public private(set) var sequences: [NodeID: Int64]

    /// A cursor at `sequences` (usually the store's heads).
    public init(_ sequences: [NodeID: Int64] = [:]) {
        self.sequences = sequences.filter { $0.value > 0 }
    }

    /// The highest sequence received from `author` (0 for none).
    public subscript(author: NodeID) -> Int64 { sequences[author] ?? 0 }

    /// Moves `author` forward to `seq`; never backwards.
    public mutating func advance(_ author: NodeID, to seq: Int64) {
        if seq > self[author] { sequences[author] = seq }
    }

    /// Moves every author forward to the given heads.
    public mutating func advance(to heads: [NodeID: Int64]) {
        for (author, seq) in heads { advance(author, to: seq) }
    }

    /// The vector as sent in a pull request: author hex to sequence.
    public var wire: [String: Int64] {
        Dictionary(uniqueKeysWithValues: sequences.map { ($0.key.hex, $0.value) })
    }

    /// How many change sets a node holding `heads` has that this cursor has not reached,
    /// counting only `authors` when given. Saturates at `Int64.max`: the heads come from a peer,
    /// and a hostile one may claim sequences near `Int64.max` for many authors.
    public func lacking(from heads: [NodeID: Int64], authors: Set<NodeID>? = nil) -> Int64 {
        heads.reduce(0) { total, entry in
            if let authors, !authors.contains(entry.key) { return total }
            let (gap, gapOverflow) = entry.value.subtractingReportingOverflow(self[entry.key])
            let missing = gapOverflow ? (entry.value > 0 ? Int64.max : 0) : max(0, gap)
            let (sum, sumOverflow) = total.addingReportingOverflow(missing)
            return sumOverflow ? .max : sum
        }
    }
}
