import GRDB
import MAEXCore

/// Merges the missing suffixes of several authors' chains into log order (ascending
/// `apply_order`), reading each chain's positions from the `(author_no, seq)` index in chunks,
/// so a page costs about its own size plus one index read per author, however long the log.
struct LogOrderMerge {
    /// A change set's place in the log.
    struct Position {
        /// Its `apply_order`.
        var order: Int64
        /// The author.
        var node: NodeID
        /// The author's sequence number.
        var seq: Int64
    }

    /// One author's remaining range and the positions read ahead of it.
    private struct Chain {
        var authorNumber: Int64
        var node: NodeID
        /// The last sequence read from the index.
        var readThrough: Int64
        /// The last sequence wanted.
        var upper: Int64
        var buffered: [Position]
        var next = 0
    }

    private let positions: Statement
    private let chunk: Int
    private var chains: [Chain] = []
    /// Indexes into `chains`, a binary min-heap by the chain's next log position.
    private var heap: [Int] = []

    init(_ db: Database, chunk: Int) throws {
        positions = try db.cachedStatement(sql: """
            SELECT seq, apply_order FROM change_set WHERE author_no = ? AND seq > ? AND seq <= ? ORDER BY seq LIMIT ?
            """)
        self.chunk = max(1, chunk)
    }

    /// Adds an author's sequences `after + 1 ... upper` (nothing when the range is empty).
    mutating func add(authorNumber: Int64, node: NodeID, after: Int64, through upper: Int64) throws {
        guard upper > after else { return }
        var chain = Chain(authorNumber: authorNumber, node: node, readThrough: after, upper: upper, buffered: [])
        guard try refill(&chain) else { return }
        chains.append(chain)
        push(chains.count - 1)
    }

    /// The earliest remaining position, if any.
    func peek() -> Position? {
        guard let top = heap.first else { return nil }
        let chain = chains[top]
        return chain.buffered[chain.next]
    }

    /// Removes the earliest remaining position.
    mutating func pop() throws {
        guard let top = heap.first else { return }
        chains[top].next += 1
        if chains[top].next == chains[top].buffered.count {
            guard try refill(&chains[top]) else {
                removeTop()
                return
            }
        }
        siftDown(0)
    }

    /// Reads the chain's next chunk of positions; false when none is left.
    private func refill(_ chain: inout Chain) throws -> Bool {
        guard chain.readThrough < chain.upper else { return false }
        let rows = try Row.fetchAll(positions, arguments: [chain.authorNumber, chain.readThrough, chain.upper, chunk])
        chain.buffered = rows.map { Position(order: $0[1], node: chain.node, seq: $0[0]) }
        chain.next = 0
        guard let last = chain.buffered.last else { return false }
        chain.readThrough = last.seq
        return true
    }

    private func key(_ heapIndex: Int) -> Int64 {
        let chain = chains[heap[heapIndex]]
        return chain.buffered[chain.next].order
    }

    private mutating func push(_ chainIndex: Int) {
        heap.append(chainIndex)
        var child = heap.count - 1
        while child > 0 {
            let parent = (child - 1) / 2
            guard key(child) < key(parent) else { break }
            heap.swapAt(child, parent)
            child = parent
        }
    }

    private mutating func removeTop() {
        heap.swapAt(0, heap.count - 1)
        heap.removeLast()
        if !heap.isEmpty { siftDown(0) }
    }

    private mutating func siftDown(_ start: Int) {
        var parent = start
        while true {
            let left = 2 * parent + 1
            let right = left + 1
            var smallest = parent
            if left < heap.count, key(left) < key(smallest) { smallest = left }
            if right < heap.count, key(right) < key(smallest) { smallest = right }
            guard smallest != parent else { return }
            heap.swapAt(parent, smallest)
            parent = smallest
        }
    }
}
