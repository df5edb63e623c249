/// What a change set's author may rely on when its authority is checked: only signed material
/// inside the change set's own view, never the receiver's clock or arrival order.
///
/// The view of a change set is its author's earlier change sets and, for every author in its
/// `deps`, that author's change sets up to the sequence named. Certificates and record
/// municipalities outside the view do not count, so every node decides alike.
public struct AuthorityView: Hashable, Sendable {
    /// The author's certificates in the view (revocations are not considered here).
    public var grants: [Grant]
    /// The change sets carrying those certificates.
    public var grantCarriers: [ChangeRef]
    /// For every record the change set touches, its municipality codes in the view: the values
    /// of its municipality writes that no other write in the view supersedes.
    public var homes: [RecordKey: Set<String>]
    /// The nodes the author certified in its own earlier change sets.
    public var issued: Set<NodeID>

    /// Creates a view.
    public init(grants: [Grant] = [], grantCarriers: [ChangeRef] = [], homes: [RecordKey: Set<String>] = [:], issued: Set<NodeID> = []) {
        self.grants = grants
        self.grantCarriers = grantCarriers
        self.homes = homes
        self.issued = issued
    }

    /// The sequences a change set sees: its own earlier ones and its `deps`.
    public static func horizon(of changeSet: ChangeSet) -> [NodeID: Int64] {
        var horizon = changeSet.deps
        horizon[changeSet.author] = changeSet.seq - 1
        return horizon
    }

    /// Whether `ref` lies in `horizon`.
    public static func sees(_ horizon: [NodeID: Int64], _ ref: ChangeRef) -> Bool {
        (horizon[ref.author] ?? 0) >= ref.seq
    }

    /// The municipality codes of a record in `horizon`, from all its municipality writes held:
    /// those in the horizon that no other one in the horizon names in its `pred`.
    public static func home(of writes: [HomeWrite], in horizon: [NodeID: Int64]) -> Set<String> {
        let visible = writes.filter { sees(horizon, $0.ref) }
        let superseded = Set(visible.flatMap(\.pred))
        return Set(visible.filter { !superseded.contains($0.ref) }.map(\.code))
    }
}

/// One write of a record's municipality, as held: who wrote it, the code, what it superseded.
public struct HomeWrite: Hashable, Sendable {
    /// The change set that wrote it.
    public var ref: ChangeRef
    /// The municipality code written.
    public var code: String
    /// The writes it superseded.
    public var pred: [ChangeRef]

    /// Creates a home write.
    public init(ref: ChangeRef, code: String, pred: [ChangeRef]) {
        self.ref = ref
        self.code = code
        self.pred = pred
    }
}

/// A certificate as held: the change set that carries it (its issuer and sequence).
public struct IssuedGrant: Hashable, Sendable {
    /// The carrying change set.
    public var carrier: ChangeRef
    /// The certificate.
    public var grant: Grant

    /// Creates a held certificate.
    public init(carrier: ChangeRef, grant: Grant) {
        self.carrier = carrier
        self.grant = grant
    }
}
