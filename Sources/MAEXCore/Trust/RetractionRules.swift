/// Which held change sets revocations retract: a pure function of the log, so a node that
/// learns of a revocation weeks later re-derives the same register as everyone else.
///
/// A change set of the root is never retracted. Any other is retracted when its author is
/// revoked from its sequence or earlier, or when every change set carrying a certificate it
/// relied on is itself retracted (revoking a hub withdraws what it certified from then on).
/// Only revocations in change sets that are not retracted count; since that depends on the
/// result, the rule is iterated to a fixed point (the hierarchy is shallow: root, hub,
/// municipality, so it settles after a few rounds).
public enum RetractionRules {
    /// One held change set as the rule sees it.
    public struct Entry: Hashable, Sendable {
        /// The change set.
        public var ref: ChangeRef
        /// The change sets carrying the certificates it relied on (empty for the root).
        public var support: [ChangeRef]
        /// The revocations it carries (rotations included: they revoke the old key).
        public var revocations: [Revocation]

        /// Creates an entry.
        public init(ref: ChangeRef, support: [ChangeRef], revocations: [Revocation]) {
            self.ref = ref
            self.support = support
            self.revocations = revocations
        }
    }

    /// The most rounds of the fixed-point iteration.
    public static let maxRounds = 16

    /// The retracted change sets with the reason, for `entries` in a causal order (each after
    /// the change sets it relies on), in the network rooted at `root`.
    public static func retracted(_ entries: [Entry], root: NodeID) -> [ChangeRef: String] {
        var revokedFrom: [NodeID: Int64] = [:]
        var result: [ChangeRef: String] = [:]
        for _ in 0..<maxRounds {
            result = pass(entries, root: root, revokedFrom: revokedFrom)
            var next: [NodeID: Int64] = [:]
            for entry in entries where result[entry.ref] == nil {
                for revocation in entry.revocations {
                    next[revocation.node] = min(next[revocation.node] ?? revocation.fromSeq, revocation.fromSeq)
                }
            }
            if next == revokedFrom { break }
            revokedFrom = next
        }
        return result
    }

    private static func pass(_ entries: [Entry], root: NodeID, revokedFrom: [NodeID: Int64]) -> [ChangeRef: String] {
        var retracted: [ChangeRef: String] = [:]
        for entry in entries where entry.ref.author != root {
            if let from = revokedFrom[entry.ref.author], entry.ref.seq >= from {
                retracted[entry.ref] = "its author is revoked from sequence \(from)"
            } else if !entry.support.isEmpty, entry.support.allSatisfy({ retracted[$0] != nil }) {
                retracted[entry.ref] = "the certificate it relied on was withdrawn"
            }
        }
        return retracted
    }

    /// The revocations a change set carries.
    public static func revocations(in changeSet: ChangeSet) -> [Revocation] {
        changeSet.ops.compactMap { op -> Revocation? in
            switch op {
            case .trust(.revoke(let revocation)): revocation
            case .trust(.rotate(let rotation)): Revocation(node: rotation.old, fromSeq: rotation.fromSeq)
            default: nil
            }
        }
    }
}
