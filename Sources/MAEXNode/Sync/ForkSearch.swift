/// The pure search for where two branches of an author's chain part: the first sequence at
/// which this node and a peer hold different change sets.
///
/// Once two chains differ at a sequence they differ at every later one (each change set names
/// its predecessor's id), so a binary search over `1...upper` finds the first difference with
/// about log2(upper) single-change-set probes.
struct ForkSearch: Equatable {
    /// The lowest sequence not yet known to be equal on both sides.
    private(set) var low: Int64
    /// The lowest sequence known to differ.
    private(set) var high: Int64

    /// Starts a search knowing the chains differ at `differingAt`.
    init(differingAt: Int64) {
        low = 1
        high = differingAt
    }

    /// The next sequence to compare, or `nil` once the first difference (`high`) is found.
    var nextProbe: Int64? { low < high ? low + (high - low) / 2 : nil }

    /// Records whether the chains differ at `seq` (the last `nextProbe`).
    mutating func record(seq: Int64, differs: Bool) {
        if differs { high = seq } else { low = seq + 1 }
    }

    /// The first sequence at which the chains differ, once found.
    var firstDifference: Int64? { nextProbe == nil ? high : nil }
}
