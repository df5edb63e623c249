import Foundation
import MAEXCore
import MAEXStore
import MAEXTestSupport
import XCTest

/// The store's read side: bounded missing suffixes, records by municipality, current writes,
/// the clock, the log, and persistence across reopening.
final class NodeStoreReadTests: XCTestCase {
    private let now = TestKeys.wall + 3_600_000

    /// Two authors with ten change sets each; returns them per author.
    private func twoChains(_ store: NodeStore) throws -> (a: [SignedChangeSet], b: [SignedChangeSet]) {
        var a = ChainBuilder(TestKeys.key(1))
        var b = ChainBuilder(TestKeys.key(2))
        let chainA = (1...10).map { a.next([.set(TestKeys.initiative($0), "name", "a \($0)")]) }
        let chainB = (1...10).map { b.next([.set(TestKeys.initiative(100 + $0), "name", "b \($0)")]) }
        // The lower author's chain first, so log order is author order here.
        let (first, second) = a.author < b.author ? (chainA, chainB) : (chainB, chainA)
        XCTAssertEqual(Set(try store.receive(first + second, nowMilliseconds: now)), [.stored])
        return (first, second)
    }

    func testMissingChangeSetsComeInLogOrderNotAuthorOrder() throws {
        let store = try makeTemporaryStore(self)
        var low = ChainBuilder(TestKeys.key(1))
        var high = ChainBuilder(TestKeys.key(2))
        if high.author < low.author { swap(&low, &high) }
        // The higher author writes first; the lower author's change sets depend on it.
        let h1 = high.next([.set(TestKeys.initiative(1), "name", "h 1")])
        let l1 = low.next([.set(TestKeys.initiative(2), "name", "l 1")], deps: [high.author: 1])
        let h2 = high.next([.set(TestKeys.initiative(3), "name", "h 2")])
        let l2 = low.next([.set(TestKeys.initiative(4), "name", "l 2")], deps: [high.author: 2])
        // Received out of order: l2 and l1 wait until their requirements arrive later in the
        // batch, so the log order is h1, l1, h2, l2.
        XCTAssertEqual(try store.receive([l2, l1, h1, h2], nowMilliseconds: now), [.stored, .stored, .stored, .stored])
        XCTAssertEqual(try store.log(limit: 10).map(\.id), [h1, l1, h2, l2].map(\.id))
        let page1 = try store.changeSets(missingFrom: [:], maxCount: 2, maxBytes: 1 << 20)
        XCTAssertEqual(page1.items.map(\.id), [h1.id, l1.id])
        XCTAssertTrue(page1.more)
        let page2 = try store.changeSets(missingFrom: [high.author: 1, low.author: 1], maxCount: 2, maxBytes: 1 << 20)
        XCTAssertEqual(page2.items.map(\.id), [h2.id, l2.id])
        XCTAssertFalse(page2.more)
        // A peer that knows the higher author forked at 2 is not sent its change sets from 2 on.
        let skipping = try store.storedChangeSets(missingFrom: [:], skipping: [high.author: 2], maxCount: 10, maxBytes: 1 << 20)
        XCTAssertEqual(skipping.items.map(\.id), [h1.id, l1.id, l2.id])
        XCTAssertFalse(skipping.more)
    }

    func testMissingChangeSetsAreBoundedAndGapless() throws {
        let store = try makeTemporaryStore(self)
        let (first, second) = try twoChains(store)
        let page1 = try store.changeSets(missingFrom: [:], maxCount: 7, maxBytes: 1 << 20)
        XCTAssertEqual(page1.items.map(\.id), first.prefix(7).map(\.id))
        XCTAssertTrue(page1.more)
        let page2 = try store.changeSets(missingFrom: [first[0].changeSet.author: 7], maxCount: 7, maxBytes: 1 << 20)
        XCTAssertEqual(page2.items.map(\.id), (first.suffix(3) + second.prefix(4)).map(\.id))
        XCTAssertTrue(page2.more)
        let rest = try store.changeSets(
            missingFrom: [first[0].changeSet.author: 10, second[0].changeSet.author: 4], maxCount: 100, maxBytes: 1 << 20)
        XCTAssertEqual(rest.items.map(\.id), second.suffix(6).map(\.id))
        XCTAssertFalse(rest.more)
        // Exactly the last one: nothing more.
        let exact = try store.changeSets(missingFrom: [first[0].changeSet.author: 10, second[0].changeSet.author: 9], maxCount: 1, maxBytes: 1)
        XCTAssertEqual(exact.items.map(\.id), [second[9].id])
        XCTAssertFalse(exact.more)
        // A tiny byte budget still yields one change set, so sync progresses.
        let tiny = try store.changeSets(missingFrom: [:], maxCount: 100, maxBytes: 1)
        XCTAssertEqual(tiny.items.map(\.id), [first[0].id])
        XCTAssertTrue(tiny.more)
        // Byte bound: two change sets' worth.
        let size = first[0].body.count + first[0].signature.count + first[1].body.count + first[1].signature.count
        XCTAssertEqual(try store.changeSets(missingFrom: [:], maxCount: 100, maxBytes: size).items.count, 2)
        // Filter by author; a peer ahead of us gets nothing.
        let onlySecond = try store.changeSets(missingFrom: [:], authors: [second[0].changeSet.author], maxCount: 100, maxBytes: 1 << 20)
        XCTAssertEqual(onlySecond.items.map(\.id), second.map(\.id))
        XCTAssertFalse(onlySecond.more)
        let ahead = try store.changeSets(
            missingFrom: [first[0].changeSet.author: 50, second[0].changeSet.author: 50], maxCount: 10, maxBytes: 1 << 20)
        XCTAssertEqual(ahead.items.count, 0)
        XCTAssertFalse(ahead.more)
        // The stored form carries the exact bytes.
        let stored = try store.storedChangeSets(missingFrom: [:], maxCount: 1, maxBytes: 1 << 20)
        XCTAssertEqual(stored.items.first?.body, first[0].body)
        XCTAssertEqual(stored.items.first?.signature, first[0].signature)
        XCTAssertEqual(stored.items.first?.id, first[0].id)
        XCTAssertThrowsError(try store.changeSets(missingFrom: [:], maxCount: 0, maxBytes: 10))
    }

    func testChangeSetLookupAndLog() throws {
        let store = try makeTemporaryStore(self)
        let (first, second) = try twoChains(store)
        XCTAssertEqual(try store.changeSet(author: second[0].changeSet.author, seq: 3), second[2])
        XCTAssertNil(try store.changeSet(author: second[0].changeSet.author, seq: 11))
        XCTAssertEqual(try store.changeSetCount(), 20)
        let all = try store.log(limit: 100)
        XCTAssertEqual(all.map(\.position), Array(1...20))
        XCTAssertEqual(Set(all.map(\.id)), Set((first + second).map(\.id)))
        let page = try store.log(limit: 5, offset: 3)
        XCTAssertEqual(page, Array(all[3..<8]))
        XCTAssertEqual(page.first?.operationCount, 1)
        XCTAssertEqual(page.first?.receivedAtMilliseconds, now)
        XCTAssertEqual(try store.vector()[first[0].changeSet.author], AuthorHead(seq: 10, id: first[9].id, hlc: first[9].changeSet.hlc))
        let latest = max(first[9].changeSet.hlc, second[9].changeSet.hlc)
        XCTAssertEqual(try store.maxHLC(), latest)
        XCTAssertEqual(try makeTemporaryStore(self).maxHLC(), .zero)
    }

    func testRecordsByTypeAndMunicipality() throws {
        let store = try makeTemporaryStore(self)
        var a = ChainBuilder(TestKeys.key(1))
        var b = ChainBuilder(TestKeys.key(2))
        let keys = (1...5).map(TestKeys.initiative)
        let a1 = a.next([
            .set(keys[0], "municipality", "GM0718"), .set(keys[1], "municipality", "GM0718"),
            .set(keys[2], "municipality", "GM0716"), .set(keys[3], "municipality", "GM0718"),
            .set(RecordKey(type: "fund", id: TestKeys.recordID(9)), "municipality", "GM0718"),
        ])
        // keys[1] moves to Tholen; keys[3] is deleted; keys[4] gets a conflicting pair.
        let a2 = a.next([.set(keys[1], "municipality", "GM0716", pred: [a1.changeSet.ref]), .delete(keys[3])])
        let b1 = b.next([.set(keys[4], "municipality", "GM0718")])
        let a3 = a.next([.set(keys[4], "municipality", "GM0716")])
        XCTAssertEqual(Set(try store.receive([a1, a2, b1, a3], nowMilliseconds: now)), [.stored])
        let winner4 = Register.applying([a1, a2, b1, a3]).records[keys[4]]?.value(of: "municipality")?.stringValue
        let vlissingen = try store.records(type: "initiative", municipality: "GM0718").map(\.key)
        let tholen = try store.records(type: "initiative", municipality: "GM0716").map(\.key)
        XCTAssertEqual(vlissingen, ([keys[0]] + (winner4 == "GM0718" ? [keys[4]] : [])).sorted())
        XCTAssertEqual(tholen, ([keys[1], keys[2]] + (winner4 == "GM0716" ? [keys[4]] : [])).sorted())
        let everything = try store.records(type: "initiative")
        XCTAssertEqual(everything.map(\.key), [keys[0], keys[1], keys[2], keys[4]].sorted())
        XCTAssertEqual(everything.first { $0.key == keys[1] }?.state.value(of: "municipality"), .string("GM0716"))
        XCTAssertEqual(try store.records(type: "fund").count, 1)
        XCTAssertEqual(try store.record(keys[3])?.isDeleted, true)
        XCTAssertNil(try store.record(TestKeys.initiative(99)))
        // The municipality index follows a rebuild.
        try store.rebuild()
        XCTAssertEqual(try store.records(type: "initiative", municipality: "GM0718").map(\.key), vlissingen)
    }

    func testCurrentWritesAreTheAntichain() throws {
        let store = try makeTemporaryStore(self)
        var a = ChainBuilder(TestKeys.key(1))
        var b = ChainBuilder(TestKeys.key(2))
        let record = TestKeys.initiative(1)
        let a1 = a.next([.set(record, "name", "a")])
        let b1 = b.next([.set(record, "name", "b")])
        XCTAssertEqual(try store.receive([a1, b1], nowMilliseconds: now), [.stored, .stored])
        XCTAssertEqual(try store.currentWrites(record: record, field: "name"), [a1.changeSet.ref, b1.changeSet.ref].sorted())
        XCTAssertEqual(try store.currentWrites(record: record, field: "phase"), [])
        let a2 = a.next([.set(record, "name", "merged", pred: [a1.changeSet.ref, b1.changeSet.ref])], deps: [b.author: 1])
        XCTAssertEqual(try store.receive([a2], nowMilliseconds: now), [.stored])
        XCTAssertEqual(try store.currentWrites(record: record, field: "name"), [a2.changeSet.ref])
        let a3 = a.next([.delete(record)])
        XCTAssertEqual(try store.receive([a3], nowMilliseconds: now), [.stored])
        XCTAssertEqual(try store.currentWrites(record: record, field: "name"), [])
    }

    func testReopeningKeepsLogPendingAndRegister() throws {
        let directory = try makeTemporaryDirectory(self)
        let path = directory.appendingPathComponent("node.sqlite").path
        var a = ChainBuilder(TestKeys.key(1))
        let a1 = a.next([.set(TestKeys.initiative(1), "name", "one")])
        let a2 = a.next([.set(TestKeys.initiative(1), "name", "two", pred: [a1.changeSet.ref])])
        let a3 = a.next([.set(TestKeys.initiative(2), "name", "three")])
        do {
            let store = try NodeStore(path: path, realm: TestKeys.realm, logger: testLogger())
            XCTAssertEqual(try store.receive([a1, a3], nowMilliseconds: now).map(\.code), ["stored", "pending"])
        }
        let reopened = try NodeStore(path: path, realm: TestKeys.realm, logger: testLogger())
        XCTAssertEqual(try reopened.pendingCount(), 1)
        XCTAssertEqual(try reopened.pendingIDs(), [a3.id])
        XCTAssertEqual(try reopened.vector().mapValues(\.seq), [a.author: 1])
        XCTAssertEqual(try reopened.receive([a2], nowMilliseconds: now), [.stored])
        XCTAssertEqual(try reopened.pendingCount(), 0)
        XCTAssertEqual(try reopened.vector().mapValues(\.seq), [a.author: 3])
        XCTAssertEqual(try reopened.digest(), Register.applying([a1, a2, a3]).digest)
        XCTAssertEqual(try reopened.verify(), [])
    }

    func testChangeSetOfAnotherRealmIsRejected() throws {
        let store = try makeTemporaryStore(self)
        let key = TestKeys.key(1)
        let foreign = ChangeSet(
            realm: "other-realm", author: key.nodeID, seq: 1, prev: nil, hlc: HLCTimestamp(milliseconds: TestKeys.wall, counter: 0),
            ops: [.set(TestKeys.initiative(1), "name", "x")]
        ).signed(with: key)
        let outcome = try store.receive([foreign], nowMilliseconds: now)
        XCTAssertEqual(outcome.first?.code, "rejected")
        XCTAssertEqual(try store.vector(), [:])
        XCTAssertEqual(try store.quarantine().map(\.id), [foreign.id])
    }
}
