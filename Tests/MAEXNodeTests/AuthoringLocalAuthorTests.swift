import Foundation
import Logging
import MAEXCore
import MAEXNode
import MAEXStore
import XCTest

/// `LocalAuthor` against a real store in a temporary folder.
final class AuthoringLocalAuthorTests: XCTestCase {
    private var folders: [URL] = []

    override func tearDown() {
        for folder in folders { try? FileManager.default.removeItem(at: folder) }
        super.tearDown()
    }

    private func makeNode(municipalities: Set<String>? = ["GM0718"], clock: ManualClock = ManualClock(AuthoringTestNode.start)) throws -> AuthoringTestNode {
        let node = try AuthoringTestNode(municipalities: municipalities, clock: clock)
        folders.append(node.folder)
        return node
    }

    func testAddStoresAValidSignedChangeSetWithAFreshID() throws {
        let node = try makeNode()
        let change = try node.author.addInitiative(initiativeValues())
        XCTAssertTrue(EnvelopeRules.isValidRecordID(change.record.id))
        XCTAssertEqual(change.record.id, change.record.id.lowercased())
        XCTAssertEqual(change.signed.changeSet.seq, 1)
        let state = try XCTUnwrap(try node.store.record(change.record))
        XCTAssertEqual(state.value(of: "name"), .string("Repair Café"))
        XCTAssertEqual(state.value(of: "sdgs"), .array([.int(11), .int(12)]))
        XCTAssertEqual(try node.store.vector()[node.key.nodeID]?.id, change.signed.id)
        XCTAssertEqual(try node.store.verify(), [])
        let other = try node.author.addInitiative(initiativeValues("Voedselbank"))
        XCTAssertNotEqual(other.record.id, change.record.id)
    }

    func testSetSupersedesTheOwnEarlierWriteAndChainsToTheHead() throws {
        let node = try makeNode()
        let added = try node.author.addInitiative(initiativeValues())
        node.clock.set(AuthoringTestNode.start + 10)
        let set = try node.author.setField("name", of: added.record, text: "  Repair Café Vlissingen ")
        let changeSet = set.signed.changeSet
        XCTAssertEqual(changeSet.seq, 2)
        XCTAssertEqual(changeSet.prev, added.signed.id)
        XCTAssertEqual(changeSet.deps, [:])
        guard case .set(let op) = changeSet.ops.first else { return XCTFail("expected a set") }
        XCTAssertEqual(op.value, .string("Repair Café Vlissingen"))
        XCTAssertEqual(op.pred, [ChangeRef(author: node.key.nodeID, seq: 1)])
        XCTAssertEqual(try node.store.record(added.record)?.value(of: "name"), .string("Repair Café Vlissingen"))
        XCTAssertEqual(try node.store.conflicts(), [])
    }

    func testTypedTextIsParsedByTheFieldSpec() throws {
        let node = try makeNode()
        let added = try node.author.addInitiative(initiativeValues())
        try node.author.setField("sdgs", of: added.record, text: "11,3,11")
        try node.author.setField("volunteers", of: added.record, text: "12")
        try node.author.setField("anbi", of: added.record, text: "ja")
        try node.author.setField("description", of: added.record, text: "Samen repareren")
        try node.author.setField("description", of: added.record, text: "")
        let state = try XCTUnwrap(try node.store.record(added.record))
        XCTAssertEqual(state.value(of: "sdgs"), .array([.int(3), .int(11)]))
        XCTAssertEqual(state.value(of: "volunteers"), .int(12))
        XCTAssertEqual(state.value(of: "anbi"), .bool(true))
        XCTAssertEqual(state.value(of: "description"), .null)
    }

    func testClockIsStrictlyMonotonicWhateverTheWallClockDoes() throws {
        let node = try makeNode()
        let added = try node.author.addInitiative(initiativeValues())
        var clocks = [added.signed.changeSet.hlc]
        for wall in [AuthoringTestNode.start, AuthoringTestNode.start - 60_000, AuthoringTestNode.start + 5, AuthoringTestNode.start + 5] {
            node.clock.set(wall)
            clocks.append(try node.author.setField("volunteers", of: added.record, text: "\(clocks.count)").signed.changeSet.hlc)
        }
        XCTAssertEqual(clocks, [
            HLCTimestamp(milliseconds: AuthoringTestNode.start, counter: 0), HLCTimestamp(milliseconds: AuthoringTestNode.start, counter: 1),
            HLCTimestamp(milliseconds: AuthoringTestNode.start, counter: 2), HLCTimestamp(milliseconds: AuthoringTestNode.start + 5, counter: 0),
            HLCTimestamp(milliseconds: AuthoringTestNode.start + 5, counter: 1),
        ])
    }

    func testClockContinuesAfterAReceivedChangeSetAndPredNamesIt() throws {
        let municipality = try makeNode()
        let hub = try makeNode(municipalities: nil, clock: ManualClock(AuthoringTestNode.start + 90_000))
        let added = try hub.author.addInitiative(initiativeValues())
        XCTAssertEqual(try municipality.pull(from: hub), [.stored])
        let set = try municipality.author.setField("name", of: added.record, text: "Nieuwe naam")
        let changeSet = set.signed.changeSet
        XCTAssertEqual(changeSet.seq, 1)
        XCTAssertEqual(changeSet.hlc, HLCTimestamp(milliseconds: AuthoringTestNode.start + 90_000, counter: 1))
        guard case .set(let op) = changeSet.ops.first else { return XCTFail("expected a set") }
        XCTAssertEqual(op.pred, [ChangeRef(author: hub.key.nodeID, seq: 1)])
        XCTAssertEqual(changeSet.deps, [hub.key.nodeID: 1])
        XCTAssertEqual(try hub.pull(from: municipality), [.stored])
        XCTAssertEqual(try hub.store.digest(), try municipality.store.digest())
    }

    func testConcurrentEditsConflictAndASetWithBothAsPredResolvesIt() throws {
        let municipality = try makeNode()
        let hub = try makeNode(municipalities: nil)
        let added = try municipality.author.addInitiative(initiativeValues())
        try hub.pull(from: municipality)
        municipality.clock.set(AuthoringTestNode.start + 100)
        hub.clock.set(AuthoringTestNode.start + 200)
        try municipality.author.setField("name", of: added.record, text: "Alpha")
        try hub.author.setField("name", of: added.record, text: "Beta")
        try municipality.pull(from: hub)
        try hub.pull(from: municipality)
        let conflicts = try municipality.store.conflicts()
        XCTAssertEqual(conflicts.count, 1)
        XCTAssertEqual(conflicts.first?.winner.value, .string("Beta"))
        XCTAssertEqual(conflicts.first?.losers.map(\.value), [.string("Alpha")])
        XCTAssertEqual(try hub.store.digest(), try municipality.store.digest())

        let resolved = try municipality.author.setField("name", of: added.record, text: "Gamma").signed.changeSet
        guard case .set(let op) = resolved.ops.first else { return XCTFail("expected a set") }
        XCTAssertEqual(Set(op.pred), [ChangeRef(author: municipality.key.nodeID, seq: 2), ChangeRef(author: hub.key.nodeID, seq: 1)])
        XCTAssertEqual(resolved.deps, [hub.key.nodeID: 1])
        XCTAssertEqual(try municipality.store.conflicts(), [])
        try hub.pull(from: municipality)
        XCTAssertEqual(try hub.store.conflicts(), [])
        XCTAssertEqual(try hub.store.record(added.record)?.value(of: "name"), .string("Gamma"))
    }

    func testDeleteIsFinal() throws {
        let node = try makeNode()
        let added = try node.author.addInitiative(initiativeValues())
        try node.author.delete(added.record)
        XCTAssertEqual(try node.store.record(added.record)?.isDeleted, true)
        XCTAssertEqual(try node.store.records(type: "initiative").count, 0)
        let before = try node.fingerprint()
        XCTAssertAuthoringError(.deletedRecord(added.record)) { try node.author.setField("name", of: added.record, text: "Terug") }
        XCTAssertAuthoringError(.deletedRecord(added.record)) { try node.author.delete(added.record) }
        XCTAssertEqual(try node.fingerprint(), before)
    }

    func testRefusedEditsChangeNothing() throws {
        let node = try makeNode()
        let added = try node.author.addInitiative(initiativeValues())
        let foreign = try makeNode(municipalities: nil)
        let elsewhere = try foreign.author.addInitiative(initiativeValues("Elders", municipality: "GM0716"))
        try node.pull(from: foreign)
        let unknown = RecordKey(type: "initiative", id: "00000000-0000-4000-8000-000000000000")
        let before = try node.fingerprint()
        XCTAssertAuthoringError(.schema(.unknownField(type: "initiative", field: "colour"))) {
            try node.author.setField("colour", of: added.record, text: "rood")
        }
        XCTAssertAuthoringError(.schema(.invalid(field: "volunteers", reason: "verwacht een geheel getal"))) {
            try node.author.setField("volunteers", of: added.record, text: "veel")
        }
        XCTAssertAuthoringError(.schema(.required(field: "name"))) { try node.author.setField("name", of: added.record, text: " ") }
        XCTAssertAuthoringError(.schema(.required(field: "name"))) { try node.author.addInitiative(["municipality": .string("GM0718")]) }
        XCTAssertAuthoringError(.schema(.invalid(field: "municipality", reason: "verwacht een CBS-gemeentecode zoals GM0718"))) {
            try node.author.addInitiative(initiativeValues(municipality: "Vlissingen"))
        }
        XCTAssertAuthoringError(.outOfScope(municipality: "GM0716", allowed: ["GM0718"])) {
            try node.author.addInitiative(initiativeValues(municipality: "GM0716"))
        }
        XCTAssertAuthoringError(.outOfScope(municipality: "GM0716", allowed: ["GM0718"])) {
            try node.author.setField("name", of: elsewhere.record, text: "Overgenomen")
        }
        XCTAssertAuthoringError(.unknownRecord(unknown)) { try node.author.setField("name", of: unknown, text: "x") }
        XCTAssertAuthoringError(.unknownRecord(unknown)) { try node.author.delete(unknown) }
        XCTAssertAuthoringError(.invalidRecordID("ABC")) { try LocalAuthor.initiativeKey("ABC") }
        XCTAssertEqual(try node.fingerprint(), before)
        // The chain continues where it was: the refusals used no sequence number.
        XCTAssertEqual(try node.author.setField("volunteers", of: added.record, text: "3").signed.changeSet.seq, 2)
    }

    func testTheLockKeepsConcurrentWritersFromReusingASequence() throws {
        let node = try makeNode()
        let added = try node.author.addInitiative(initiativeValues())
        // A second store handle on the same file, as a second process would have.
        let secondStore = try NodeStore(path: node.store.path, realm: AuthoringTestNode.realm, logger: .init(label: "test"))
        let second = LocalAuthor(
            store: secondStore, key: node.key, realm: AuthoringTestNode.realm, municipalities: ["GM0718"],
            lock: FileLock(path: node.folder.appendingPathComponent("node.lock").path), wallClock: node.clock.closure, logger: .init(label: "test"))
        let authors = [node.author, second]
        let failures = FailureList()
        DispatchQueue.concurrentPerform(iterations: 2) { index in
            for round in 0..<15 {
                do {
                    try authors[index].setField("volunteers", of: added.record, text: "\(index * 100 + round)")
                } catch {
                    failures.append("\(error)")
                }
            }
        }
        XCTAssertEqual(failures.all, [])
        XCTAssertEqual(try node.store.vector()[node.key.nodeID]?.seq, 31)
        XCTAssertEqual(try node.store.forks(), [])
        XCTAssertEqual(try node.store.verify(), [])
    }
}

/// Collects failures from concurrent work.
private final class FailureList: @unchecked Sendable {
    private let lock = NSLock()
    private var items: [String] = []
    func append(_ item: String) { lock.withLock { items.append(item) } }
    var all: [String] { lock.withLock { items } }
}
