import MAEXCore
import MAEXStore
import MAEXTestSupport
import XCTest

/// Authority in a store with a network root: who may change what, and what waits.
final class TrustAuthorityStoreTests: XCTestCase {
    private var net = TrustFixture()
    private let initiative = TestKeys.initiative(1)

    override func setUp() {
        net = TrustFixture()
        net.certifyAll()
    }

    private func store() throws -> NodeStore { try makeTemporaryStore(self, authority: net.authority) }

    func testCertifiedMunicipalityEditsItsOwnInitiatives() throws {
        let store = try store()
        let created = net.create(initiative, in: "GM0718", by: \.vlissingen, deps: net.vlissingenCertificate)
        XCTAssertEqual(try TrustFixture.receive(store, net.written), Array(repeating: .stored, count: 4))
        XCTAssertEqual(try store.record(initiative)?.value(of: "name"), .string("Initiatief \(initiative.id.prefix(4))"))
        XCTAssertTrue(try store.isMember(net.vlissingen.author))
        XCTAssertFalse(try store.isMember(TestKeys.key(99).nodeID))
        XCTAssertEqual(try store.verify(), [])
        XCTAssertNotNil(created)
    }

    func testMunicipalityEditingAnotherMunicipalitysInitiativeIsRejected() throws {
        let store = try store()
        let created = net.create(initiative, in: "GM0718", by: \.vlissingen, deps: net.vlissingenCertificate)
        XCTAssertTrue(try TrustFixture.receive(store, net.written).allSatisfy { $0 == .stored })
        let before = try store.digest()
        let edit = net.tholen.next(
            [.set(initiative, "name", "Overgenomen")],
            deps: [net.hub.author: 2, net.vlissingen.author: created.changeSet.seq])
        guard case .rejected(let reason) = try TrustFixture.receive(store, [edit]).first else { return XCTFail("expected a rejection") }
        XCTAssertTrue(reason.contains("GM0718"), reason)
        XCTAssertEqual(try store.digest(), before)
        XCTAssertNil(try store.changeSet(author: net.tholen.author, seq: edit.changeSet.seq))
    }

    func testAnEditNeedsTheRecordsMunicipalityInItsView() throws {
        let store = try store()
        let created = net.create(initiative, in: "GM0718", by: \.vlissingen, deps: net.vlissingenCertificate)
        XCTAssertTrue(try TrustFixture.receive(store, net.written).allSatisfy { $0 == .stored })
        // Tholen edits without naming Vlissingen's write in deps: the record has no home in its view.
        let blind = net.tholen.next([.set(initiative, "name", "Blind")], deps: net.tholenCertificate)
        guard case .rejected(let reason) = try TrustFixture.receive(store, [blind]).first else { return XCTFail("expected a rejection") }
        XCTAssertTrue(reason.contains("no municipality (or fund) in the change set's view"), reason)
        XCTAssertNotNil(created)
    }

    func testMovingAnInitiativeNeedsAuthorityOverBothMunicipalities() throws {
        let store = try store()
        let created = net.create(initiative, in: "GM0718", by: \.vlissingen, deps: net.vlissingenCertificate)
        XCTAssertTrue(try TrustFixture.receive(store, net.written).allSatisfy { $0 == .stored })
        let home = ChangeRef(author: net.vlissingen.author, seq: created.changeSet.seq)
        let byMunicipality = net.vlissingen.next(
            [.set(initiative, "municipality", "GM0716", pred: [home])], deps: net.vlissingenCertificate)
        guard case .rejected(let reason) = try TrustFixture.receive(store, [byMunicipality]).first else { return XCTFail("expected a rejection") }
        XCTAssertTrue(reason.contains("GM0716"), reason)
        let byHub = net.hub.next(
            [.set(initiative, "municipality", "GM0716", pred: [home])],
            deps: [net.root.author: 1, net.vlissingen.author: created.changeSet.seq])
        XCTAssertEqual(try TrustFixture.receive(store, [byHub]), [.stored])
        XCTAssertEqual(try store.record(initiative)?.value(of: "municipality"), .string("GM0716"))
    }

    func testHubCannotAuthorRecordsOfAnotherProvince() throws {
        let store = try store()
        XCTAssertTrue(try TrustFixture.receive(store, net.written).allSatisfy { $0 == .stored })
        let amsterdam = net.hub.next([.set(initiative, "municipality", "GM0363"), .set(initiative, "name", "A")], deps: [net.root.author: 1])
        guard case .rejected(let reason) = try TrustFixture.receive(store, [amsterdam]).first else { return XCTFail("expected a rejection") }
        XCTAssertTrue(reason.contains("GM0363"), reason)
        XCTAssertNil(try store.record(initiative))
    }

    func testOnlyTheRootCertifiesHubsAndOnlyHubsCertifyTheirMunicipalities() throws {
        let store = try store()
        XCTAssertTrue(try TrustFixture.receive(store, net.written).allSatisfy { $0 == .stored })
        let outsider = TestKeys.key(105).nodeID
        let byMunicipality = net.vlissingen.next(
            [.trust(.grant(Grant(node: outsider, role: .municipality, scope: ["GM0718"])))], deps: net.vlissingenCertificate)
        let hubForProvince = net.hub.peek(
            [.trust(.grant(Grant(node: outsider, role: .province, scope: ["PV29"])))], deps: [net.root.author: 1])
        let hubOutsideProvince = net.hub.peek(
            [.trust(.grant(Grant(node: outsider, role: .municipality, scope: ["GM0363"])))], deps: [net.root.author: 1])
        let outcomes = try TrustFixture.receive(store, [byMunicipality, hubForProvince, hubOutsideProvince])
        for outcome in outcomes {
            guard case .rejected = outcome else { return XCTFail("expected rejections, got \(outcomes)") }
        }
        XCTAssertFalse(try store.isMember(outsider))
        XCTAssertTrue(try store.certificates(of: outsider).isEmpty)
    }

    func testForgedCertificateChainIsRejected() throws {
        let store = try store()
        XCTAssertTrue(try TrustFixture.receive(store, net.written).allSatisfy { $0 == .stored })
        // A key claiming to be a root certifies a hub; the hub writes an initiative.
        var fakeRoot = ChainBuilder(TestKeys.key(110))
        var fakeHub = ChainBuilder(TestKeys.key(111))
        let grant = fakeRoot.next([.trust(.grant(Grant(node: fakeHub.author, role: .province, scope: ["PV29"])))])
        let write = fakeHub.next([.set(initiative, "municipality", "GM0718"), .set(initiative, "name", "F")], deps: [fakeRoot.author: 1])
        let outcomes = try TrustFixture.receive(store, [grant, write])
        guard case .rejected(let reason) = outcomes.first else { return XCTFail("expected a rejection, got \(outcomes)") }
        XCTAssertTrue(reason.contains("holds no certificate"), reason)
        XCTAssertEqual(outcomes.last, .pending(missing: [ChangeRef(author: fakeRoot.author, seq: 1)]))
        XCTAssertNil(try store.record(initiative))
        XCTAssertFalse(try store.isMember(fakeHub.author))
    }

    func testChangeSetWaitsUntilItsCertificateArrives() throws {
        let store = try store()
        let created = net.create(initiative, in: "GM0718", by: \.vlissingen, deps: net.vlissingenCertificate)
        XCTAssertEqual(try TrustFixture.receive(store, [created]), [.pending(missing: [ChangeRef(author: net.hub.author, seq: 1)])])
        XCTAssertNil(try store.record(initiative))
        XCTAssertTrue(try TrustFixture.receive(store, Array(net.written.prefix(3))).allSatisfy { $0 == .stored })
        XCTAssertNotNil(try store.record(initiative))
        XCTAssertEqual(try store.vector()[net.vlissingen.author]?.seq, 1)
    }

    func testFundRecordsBelongToTheirFundNode() throws {
        let store = try store()
        var fund = ChainBuilder(TestKeys.key(106))
        let grant = net.append(net.root.next([.trust(.grant(Grant(node: fund.author, role: .fund, scope: ["impuls"])))]))
        XCTAssertTrue(try TrustFixture.receive(store, net.written).allSatisfy { $0 == .stored })
        let pot = RecordKey(type: "fund", id: TestKeys.recordID(50))
        let own = fund.next([.set(pot, "fund", "impuls"), .set(pot, "name", "Impuls Zeeland 2027")], deps: [net.root.author: grant.changeSet.seq])
        XCTAssertEqual(try TrustFixture.receive(store, [own]), [.stored])
        let other = RecordKey(type: "fund", id: TestKeys.recordID(51))
        let foreign = fund.peek([.set(other, "fund", "cultuur"), .set(other, "name", "X")], deps: [net.root.author: grant.changeSet.seq])
        guard case .rejected(let reason) = try TrustFixture.receive(store, [foreign]).first else { return XCTFail("another fund's record") }
        XCTAssertTrue(reason.contains("cultuur"), reason)
        let byTown = net.vlissingen.next([.set(pot, "name", "Overgenomen")], deps: [net.hub.author: 1, fund.author: own.changeSet.seq])
        guard case .rejected(let townReason) = try TrustFixture.receive(store, [byTown]).first else { return XCTFail("a town editing a fund") }
        XCTAssertTrue(townReason.contains("impuls"), townReason)
        let initiative = RecordKey(type: "initiative", id: TestKeys.recordID(52))
        let fundWritesInitiative = fund.peek([.set(initiative, "municipality", "GM0718")], deps: [net.root.author: grant.changeSet.seq])
        guard case .rejected = try TrustFixture.receive(store, [fundWritesInitiative]).first else { return XCTFail("a fund writing an initiative") }
        XCTAssertEqual(try store.record(pot)?.value(of: "name"), .string("Impuls Zeeland 2027"))
        XCTAssertEqual(try store.verify(), [])
    }

    func testRootRevocationCannotTargetTheRoot() throws {
        let store = try store()
        XCTAssertTrue(try TrustFixture.receive(store, net.written).allSatisfy { $0 == .stored })
        let revoke = net.root.next([.trust(.revoke(Revocation(node: net.root.author, fromSeq: 1)))])
        guard case .rejected(let reason) = try TrustFixture.receive(store, [revoke]).first else { return XCTFail("expected a rejection") }
        XCTAssertTrue(reason.contains("root cannot be revoked"), reason)
    }
}
