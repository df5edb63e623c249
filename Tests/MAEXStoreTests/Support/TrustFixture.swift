import MAEXCore
import MAEXStore
import MAEXTestSupport
import XCTest

/// A small network for the trust tests: the root (national node), the Zeeland hub, the
/// municipality nodes of Vlissingen and Tholen, each with a `ChainBuilder`, and helpers that
/// write certificates and initiatives with the right `deps`.
struct TrustFixture {
    var root = ChainBuilder(TestKeys.key(101))
    var hub = ChainBuilder(TestKeys.key(102))
    var vlissingen = ChainBuilder(TestKeys.key(103))
    var tholen = ChainBuilder(TestKeys.key(104))
    /// Every change set written, in the order written (a causal order).
    private(set) var written: [SignedChangeSet] = []

    var authority: StoreAuthority { .network(root: root.author) }

    /// Root certifies the hub (PV29), the hub certifies Vlissingen (GM0718) and Tholen (GM0716).
    mutating func certifyAll() {
        let hubGrant = append(root.next([.trust(.grant(Grant(node: hub.author, role: .province, scope: ["PV29"])))]))
        _ = append(hub.next(
            [.trust(.grant(Grant(node: vlissingen.author, role: .municipality, scope: ["GM0718"])))],
            deps: [root.author: hubGrant.changeSet.seq]))
        _ = append(hub.next(
            [.trust(.grant(Grant(node: tholen.author, role: .municipality, scope: ["GM0716"])))],
            deps: [root.author: hubGrant.changeSet.seq]))
    }

    /// Appends a change set written elsewhere to `written`.
    @discardableResult
    mutating func append(_ signed: SignedChangeSet) -> SignedChangeSet {
        written.append(signed)
        return signed
    }

    /// A new initiative in `municipality` by the chain at `keyPath`, with `deps`.
    mutating func create(
        _ record: RecordKey, in municipality: String, by chain: WritableKeyPath<TrustFixture, ChainBuilder>,
        deps: [NodeID: Int64]
    ) -> SignedChangeSet {
        append(self[keyPath: chain].next(
            [.set(record, "municipality", municipality), .set(record, "name", "Initiatief \(record.id.prefix(4))")], deps: deps))
    }

    /// Receives `items` a little after the fixture's clocks.
    static func receive(_ store: NodeStore, _ items: [SignedChangeSet]) throws -> [ReceiveOutcome] {
        try store.receive(items, nowMilliseconds: TestKeys.wall + 3_600_000)
    }

    /// The hub's sequence holding a municipality's certificate: 1 for Vlissingen, 2 for Tholen.
    var vlissingenCertificate: [NodeID: Int64] { [hub.author: 1] }
    var tholenCertificate: [NodeID: Int64] { [hub.author: 2] }
}
