import MAEXCore
import MAEXStore
import MAEXWire

/// An enrollment bundle: a certificate together with every change set it depends on, so a
/// node can be enrolled offline (`maex-node trust grant --out FILE` on the issuer,
/// `maex-node trust import FILE` on the new node). Its JSON form is a push request.
public enum TrustBundle {
    /// The change set `ref` and its causal past (its author's earlier change sets and,
    /// transitively, everything its `deps` name), in no particular order: the receiving store
    /// orders them (pending ones wait for what they need).
    public static func closure(of ref: ChangeRef, in store: NodeStore) throws -> [SignedChangeSet] {
        var done: [NodeID: Int64] = [:]
        var wanted: [ChangeRef] = [ref]
        var result: [SignedChangeSet] = []
        while let next = wanted.popLast() {
            let from = done[next.author] ?? 0
            guard next.seq > from else { continue }
            for seq in (from + 1)...next.seq {
                guard let signed = try store.changeSet(author: next.author, seq: seq) else {
                    throw StoreError.invalidArgument("change set \(next.author.hex.prefix(12))…#\(seq) is not held")
                }
                result.append(signed)
                for (author, depSeq) in signed.changeSet.deps where depSeq > (done[author] ?? 0) {
                    wanted.append(ChangeRef(author: author, seq: depSeq))
                }
            }
            done[next.author] = next.seq
        }
        return result
    }

    /// The bundle as a push request.
    public static func request(_ changeSets: [SignedChangeSet]) -> PushRequest {
        PushRequest(changesets: changeSets.map(WireChangeSet.init))
    }
}
