/// The authority state of a whole log in memory: every certificate and municipality write held,
/// and what each admitted change set relied on. Feed it the log in a causal order; it decides
/// each change set with `AuthorityRules` and finally says what revocations retract.
///
/// Stores keep the same facts in tables; this type serves re-derivation in memory (`verify`)
/// and tests, and shows the whole rule in one place.
public struct AuthorityLedger: Sendable {
    /// The network's root.
    public let root: NodeID
    private var grantsByNode: [NodeID: [IssuedGrant]] = [:]
    private var issuedBy: [NodeID: [(seq: Int64, node: NodeID)]] = [:]
    private var homes: [RecordKey: [HomeWrite]] = [:]
    /// The admitted change sets, in admission order, as `RetractionRules` sees them.
    public private(set) var entries: [RetractionRules.Entry] = []

    /// An empty ledger for the network rooted at `root`.
    public init(root: NodeID) {
        self.root = root
    }

    /// The view of `changeSet` given what the ledger holds.
    public func view(for changeSet: ChangeSet) -> AuthorityView {
        let horizon = AuthorityView.horizon(of: changeSet)
        let held = (grantsByNode[changeSet.author] ?? []).filter { AuthorityView.sees(horizon, $0.carrier) }
        var view = AuthorityView(grants: held.map(\.grant), grantCarriers: held.map(\.carrier))
        for op in changeSet.ops {
            guard let record = op.record, view.homes[record] == nil else { continue }
            view.homes[record] = AuthorityView.home(of: homes[record] ?? [], in: horizon)
        }
        view.issued = Set((issuedBy[changeSet.author] ?? []).filter { $0.seq < changeSet.seq }.map(\.node))
        return view
    }

    /// Decides `changeSet` and, when allowed, records what it adds.
    public mutating func admit(_ changeSet: ChangeSet) -> AuthorityVerdict {
        let view = view(for: changeSet)
        let verdict = AuthorityRules.check(changeSet, view: view, root: root)
        if verdict == .allowed { record(changeSet, support: changeSet.author == root ? [] : view.grantCarriers) }
        return verdict
    }

    /// The retracted change sets with their reasons.
    public var retracted: [ChangeRef: String] { RetractionRules.retracted(entries, root: root) }

    private mutating func record(_ changeSet: ChangeSet, support: [ChangeRef]) {
        let ref = changeSet.ref
        for op in changeSet.ops {
            switch op {
            case .set(let set) where AuthorityRules.homeRole(of: set.field) != nil:
                if let code = set.value.stringValue { homes[set.record, default: []].append(HomeWrite(ref: ref, code: code, pred: set.pred)) }
            case .trust(.grant(let grant)):
                add(grant, carrier: ref)
            case .trust(.rotate(let rotation)):
                add(rotation.grant, carrier: ref)
            default:
                continue
            }
        }
        entries.append(RetractionRules.Entry(ref: ref, support: support, revocations: RetractionRules.revocations(in: changeSet)))
    }

    private mutating func add(_ grant: Grant, carrier: ChangeRef) {
        grantsByNode[grant.node, default: []].append(IssuedGrant(carrier: carrier, grant: grant))
        issuedBy[carrier.author, default: []].append((carrier.seq, grant.node))
    }
}
