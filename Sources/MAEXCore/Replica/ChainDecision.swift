/// The pure decision of what to do with a verified change set, given what the node holds.
///
/// Shared by every store, so all of them decide alike. It reads no clock but the `now` passed
/// in, which only guards against clocks too far in the future (a transient refusal: the sender
/// offers the change set again later).
public enum ChainDecision: Equatable, Sendable {
    /// Apply it now.
    case apply
    /// Answer without changing anything.
    case answer(ReceiveOutcome)

    /// What the decision needs to know about the node's state.
    public struct Context {
        /// The author's head, if any change set of the author is held.
        public var head: AuthorHead?
        /// The id held at the change set's sequence, if any.
        public var existingID: ChangeSetID?
        /// The local wall clock in milliseconds.
        public var nowMilliseconds: Int64
        /// The accepted drift into the future.
        public var maxDriftMilliseconds: Int64

        /// Creates a context.
        public init(
            head: AuthorHead?, existingID: ChangeSetID?,
            nowMilliseconds: Int64, maxDriftMilliseconds: Int64 = HybridLogicalClock.defaultMaxDriftMilliseconds
        ) {
            self.head = head
            self.existingID = existingID
            self.nowMilliseconds = nowMilliseconds
            self.maxDriftMilliseconds = maxDriftMilliseconds
        }
    }

    /// Decides for `signed` in `context`; `isHeld` tells whether a change set is in the log.
    public static func decide(_ signed: SignedChangeSet, in context: Context, isHeld: (ChangeRef) -> Bool) -> ChainDecision {
        let changeSet = signed.changeSet
        if let existing = context.existingID {
            return .answer(existing == signed.id ? .duplicate : .fork(existing: existing))
        }
        let headSeq = context.head?.seq ?? 0
        var missing: [ChangeRef] = []
        if changeSet.seq > headSeq + 1 {
            missing.append(ChangeRef(author: changeSet.author, seq: headSeq + 1))
        } else if let head = context.head {
            guard changeSet.prev == head.id else {
                return .answer(.rejected(reason: "previous id does not match the held change set \(head.id.hex.prefix(12))… at sequence \(head.seq)"))
            }
            guard changeSet.hlc > head.hlc else {
                return .answer(.rejected(reason: "clock \(changeSet.hlc) does not advance past the author's previous \(head.hlc)"))
            }
        }
        let limit = context.nowMilliseconds + context.maxDriftMilliseconds
        guard changeSet.hlc.milliseconds <= limit else {
            return .answer(.rejected(reason: "clock \(changeSet.hlc) is more than \(context.maxDriftMilliseconds / 1000) s in the future"))
        }
        missing += changeSet.requirements.filter { $0.author != changeSet.author && !isHeld($0) }
        return missing.isEmpty ? .apply : .answer(.pending(missing: missing))
    }
}
