import MAEXCore
import MAEXStore
import MAEXTestSupport
import XCTest

/// Revocation and key rotation: retraction from a sequence on, the same on every node whatever
/// it learned first, and kept through rebuild and verify.
final class TrustRevocationStoreTests: XCTestCase {
    private var net = TrustFixture()

    override func setUp() {
        net = TrustFixture()
        net.certifyAll()
    }

    private func store() throws -> NodeStore { try makeTemporaryStore(self, authority: net.authority) }

    /// Vlissingen writes four initiatives (sequences 1 to 4); the hub revokes it from 3.
    private func revocationHistory() -> (early: [SignedChangeSet], late: [SignedChangeSet], revocation: SignedChangeSet) {
        var created: [SignedChangeSet] = []
        for number in 1...4 {
            created.append(net.create(TestKeys.initiative(number), in: "GM0718", by: \.vlissingen, deps: net.vlissingenCertificate))
        }
        let revocation = net.append(net.hub.next(
            [.trust(.revoke(Revocation(node: net.vlissingen.author, fromSeq: 3)))], deps: [net.root.author: 1]))
        return (Array(created.prefix(2)), Array(created.suffix(2)), revocation)
    }

    func testRevocationRetractsFromItsSequenceOnWhateverArrivesFirst() throws {
        let history = revocationHistory()
        let certificates = Array(net.written.prefix(3))
        let informedLate = try store()
        XCTAssertTrue(try TrustFixture.receive(informedLate, certificates + history.early + history.late).allSatisfy { $0 == .stored })
        XCTAssertNotNil(try informedLate.record(TestKeys.initiative(4)))
        XCTAssertEqual(try TrustFixture.receive(informedLate, [history.revocation]), [.stored])

        let informedEarly = try store()
        XCTAssertTrue(try TrustFixture.receive(informedEarly, certificates + history.early + [history.revocation]).allSatisfy { $0 == .stored })
        let late = try TrustFixture.receive(informedEarly, history.late)
        for outcome in late {
            guard case .retracted(let reason) = outcome else { return XCTFail("expected retracted, got \(late)") }
            XCTAssertTrue(reason.contains("revoked from sequence 3"), reason)
        }

        for store in [informedLate, informedEarly] {
            XCTAssertNotNil(try store.record(TestKeys.initiative(1)))
            XCTAssertNotNil(try store.record(TestKeys.initiative(2)))
            XCTAssertNil(try store.record(TestKeys.initiative(3)))
            XCTAssertNil(try store.record(TestKeys.initiative(4)))
            XCTAssertEqual(try store.vector()[net.vlissingen.author]?.seq, 4, "retracted change sets stay in the log")
            XCTAssertEqual(Set(try store.retractions().keys), [ChangeRef(author: net.vlissingen.author, seq: 3), ChangeRef(author: net.vlissingen.author, seq: 4)])
            XCTAssertEqual(try store.verify(), [])
            XCTAssertFalse(try store.isMember(net.vlissingen.author))
        }
        XCTAssertEqual(try informedLate.digest(), try informedEarly.digest())
        let digest = try informedLate.digest()
        try informedLate.rebuild()
        XCTAssertEqual(try informedLate.digest(), digest)
        XCTAssertEqual(try informedLate.retractions().count, 2)
    }

    func testRevokingTheHubWithdrawsWhatItCertifiedFromThenOn() throws {
        // Hub sequence 1 certified Vlissingen, 2 Tholen; the root revokes the hub from 2.
        let vlissingen = net.create(TestKeys.initiative(1), in: "GM0718", by: \.vlissingen, deps: net.vlissingenCertificate)
        let tholen = net.create(TestKeys.initiative(2), in: "GM0716", by: \.tholen, deps: net.tholenCertificate)
        let revoke = net.append(net.root.next([.trust(.revoke(Revocation(node: net.hub.author, fromSeq: 2)))]))
        let store = try store()
        XCTAssertTrue(try TrustFixture.receive(store, net.written).allSatisfy { $0 == .stored })
        XCTAssertNotNil(try store.record(TestKeys.initiative(1)))
        XCTAssertNil(try store.record(TestKeys.initiative(2)))
        let retracted = try store.retractions()
        XCTAssertEqual(retracted[ChangeRef(author: net.tholen.author, seq: 1)], "the certificate it relied on was withdrawn")
        XCTAssertEqual(retracted[ChangeRef(author: net.hub.author, seq: 2)], "its author is revoked from sequence 2")
        XCTAssertEqual(try store.verify(), [])
        XCTAssertNotNil(vlissingen)
        XCTAssertNotNil(tholen)
        XCTAssertNotNil(revoke)
    }

    func testEveryDeliveryOrderGivesTheSameRegister() throws {
        let history = revocationHistory()
        let tholen = net.create(TestKeys.initiative(9), in: "GM0716", by: \.tholen, deps: net.tholenCertificate)
        XCTAssertNotNil(history.revocation)
        XCTAssertNotNil(tholen)
        var generator = SeededGenerator(seed: 7)
        var digests = Set<String>()
        for _ in 0..<12 {
            let store = try store()
            var items = net.written
            items.shuffle(using: &generator)
            for item in items { _ = try TrustFixture.receive(store, [item]) }
            XCTAssertEqual(try store.vector().values.map(\.seq).reduce(0, +), Int64(net.written.count))
            XCTAssertEqual(try store.verify(), [])
            digests.insert(try store.digest())
        }
        XCTAssertEqual(digests.count, 1)
    }

    func testRotationMovesANodeToANewKeyFromASequence() throws {
        let newKey = TestKeys.key(120)
        let first = net.create(TestKeys.initiative(1), in: "GM0718", by: \.vlissingen, deps: net.vlissingenCertificate)
        let statement = Rotation.statement(realm: TestKeys.realm, old: net.vlissingen.author, new: newKey.nodeID, fromSeq: 2)
        let rotation = Rotation(
            old: net.vlissingen.author, new: newKey.nodeID, role: .municipality, scope: ["GM0718"], fromSeq: 2,
            oldSignature: net.vlissingen.key.sign(statement))
        let issued = net.append(net.hub.next([.trust(.rotate(rotation))], deps: [net.root.author: 1]))
        let oldKeyLater = net.create(TestKeys.initiative(2), in: "GM0718", by: \.vlissingen, deps: net.vlissingenCertificate)
        var renewed = ChainBuilder(newKey)
        let byNewKey = net.append(renewed.next(
            [.set(TestKeys.initiative(3), "municipality", "GM0718"), .set(TestKeys.initiative(3), "name", "Nieuw")],
            deps: [net.hub.author: issued.changeSet.seq]))
        let store = try store()
        let outcomes = try TrustFixture.receive(store, net.written)
        XCTAssertEqual(outcomes.last, .stored)
        guard case .retracted = outcomes[outcomes.count - 2] else { return XCTFail("old key after rotation: \(outcomes)") }
        XCTAssertNotNil(try store.record(TestKeys.initiative(1)), "the old key's earlier change sets stay valid")
        XCTAssertNil(try store.record(TestKeys.initiative(2)))
        XCTAssertNotNil(try store.record(TestKeys.initiative(3)))
        XCTAssertTrue(try store.isMember(newKey.nodeID))
        XCTAssertFalse(try store.isMember(net.vlissingen.author))
        XCTAssertEqual(try store.verify(), [])
        XCTAssertNotNil(first)
        XCTAssertNotNil(oldKeyLater)
        XCTAssertNotNil(byNewKey)
    }

    func testRotationWithoutTheOldKeysSignatureIsRejected() throws {
        let newKey = TestKeys.key(121)
        let statement = Rotation.statement(realm: TestKeys.realm, old: net.vlissingen.author, new: newKey.nodeID, fromSeq: 1)
        let forged = Rotation(
            old: net.vlissingen.author, new: newKey.nodeID, role: .municipality, scope: ["GM0718"], fromSeq: 1,
            oldSignature: newKey.sign(statement))
        let store = try store()
        XCTAssertTrue(try TrustFixture.receive(store, net.written).allSatisfy { $0 == .stored })
        let issued = net.hub.next([.trust(.rotate(forged))], deps: [net.root.author: 1])
        guard case .rejected(let reason) = try TrustFixture.receive(store, [issued]).first else { return XCTFail("expected a rejection") }
        XCTAssertTrue(reason.contains("not signed by the old key"), reason)
        XCTAssertTrue(try store.isMember(net.vlissingen.author))
    }
}
