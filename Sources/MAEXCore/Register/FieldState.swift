/// The state of one field: the writes no other write has superseded (an antichain under
/// "had seen"), ordered so that the last one is the winner and the others are its conflicts.
public struct FieldState: Hashable, Sendable {
    /// The surviving writes, ascending by `FieldWrite.precedes`; never empty in a register.
    public private(set) var writes: [FieldWrite]

    /// A field holding exactly these writes, in any order.
    public init(writes: [FieldWrite]) {
        self.writes = writes.sorted(by: FieldWrite.precedes)
    }

    /// The value shown: the greatest write.
    public var winner: FieldWrite? { writes.last }

    /// The concurrent writes that lost, kept visible.
    public var losers: ArraySlice<FieldWrite> { writes.dropLast() }

    /// Adds a write that supersedes the writes named in `pred`. Idempotent.
    public mutating func apply(_ write: FieldWrite, pred: [ChangeRef]) {
        if !pred.isEmpty {
            writes.removeAll { pred.contains($0.ref) }
        }
        guard !writes.contains(where: { $0.ref == write.ref }) else { return }
        let position = writes.firstIndex { FieldWrite.precedes(write, $0) } ?? writes.endIndex
        writes.insert(write, at: position)
    }

    /// The canonical description used in the state digest.
    public var jsonValue: JSONValue {
        guard let winner else { return .null }
        guard case .object(var members) = winner.jsonValue else { return .null }
        if !losers.isEmpty { members["conflicts"] = .array(losers.map(\.jsonValue)) }
        return .object(members)
    }
}
