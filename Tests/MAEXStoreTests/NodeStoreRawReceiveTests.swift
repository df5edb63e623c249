import Foundation
import MAEXCore
import MAEXStore
import MAEXTestSupport
import XCTest

/// `receive(raw:)`: bytes off the wire are opened and verified (in parallel), and malformed,
/// forged or foreign input is quarantined with the reason and its id.
final class NodeStoreRawReceiveTests: XCTestCase {
    private let now = TestKeys.wall + 3_600_000

    func testMalformedForgedAndForeignInputIsQuarantined() throws {
        let store = try makeTemporaryStore(self)
        var a = ChainBuilder(TestKeys.key(1))
        let a1 = a.next([.set(TestKeys.initiative(1), "name", "real")])
        let a2 = a.next([.set(TestKeys.initiative(1), "name", "second", pred: [a1.changeSet.ref])])
        let garbage: [UInt8] = Array("{\"not\": canonical}".utf8)
        var forgedSignature = a2.signature
        forgedSignature[0] ^= 0x80
        let otherRealm = ChangeSet(
            realm: "other-realm", author: a.author, seq: 1, prev: nil, hlc: HLCTimestamp(milliseconds: TestKeys.wall, counter: 0),
            ops: [.set(TestKeys.initiative(2), "name", "x")]
        ).signed(with: a.key)
        let results = try store.receive(
            raw: [
                (a1.body, a1.signature), (garbage, [1, 2, 3]), (a2.body, forgedSignature), (otherRealm.body, otherRealm.signature),
                (a2.body, a2.signature),
            ], nowMilliseconds: now)
        XCTAssertEqual(results.map(\.id), [a1.id, ChangeSetID(hashing: garbage), a2.id, otherRealm.id, a2.id])
        XCTAssertEqual(results.map(\.outcome.code), ["stored", "rejected", "rejected", "rejected", "stored"])
        guard case .rejected(let malformed) = results[1].outcome, case .rejected(let forged) = results[2].outcome,
            case .rejected(let foreign) = results[3].outcome
        else { return XCTFail("\(results)") }
        XCTAssertTrue(malformed.contains("canonical JSON"), malformed)
        XCTAssertTrue(forged.contains("signature"), forged)
        XCTAssertTrue(foreign.contains("realm"), foreign)
        let quarantine = try store.quarantine()
        XCTAssertEqual(Set(quarantine.map(\.id)), [ChangeSetID(hashing: garbage), a2.id, otherRealm.id])
        let garbageEntry = quarantine.first { $0.id == ChangeSetID(hashing: garbage) }
        XCTAssertEqual(garbageEntry?.body, garbage)
        XCTAssertEqual(garbageEntry?.signature, [1, 2, 3])
        XCTAssertEqual(garbageEntry?.reason, malformed)
        XCTAssertEqual(try store.vector().mapValues(\.seq), [a.author: 2])
        XCTAssertEqual(try store.digest(), Register.applying([a1, a2]).digest)
        // The same garbage again: counted, not duplicated.
        _ = try store.receive(raw: [(garbage, [1, 2, 3])], nowMilliseconds: now + 1)
        XCTAssertEqual(try store.quarantine().first { $0.id == ChangeSetID(hashing: garbage) }?.timesReceived, 2)
    }

    func testALargeBatchVerifiesInParallelAndStoresInOrder() throws {
        let store = try makeTemporaryStore(self)
        var a = ChainBuilder(TestKeys.key(3))
        let chain = (1...300).map { a.next([.set(TestKeys.initiative($0), "name", "initiative \($0)")]) }
        var raw = chain.map { ($0.body, $0.signature) }
        var forged = chain[150].signature
        forged[63] ^= 0x01
        raw[150] = (chain[150].body, forged)
        let results = try store.receive(raw: raw, nowMilliseconds: now)
        XCTAssertEqual(results.map(\.id), chain.map(\.id))
        XCTAssertEqual(results[..<150].map(\.outcome), Array(repeating: .stored, count: 150))
        XCTAssertEqual(results[150].outcome.code, "rejected")
        XCTAssertEqual(results[151].outcome, .pending(missing: [ChangeRef(author: a.author, seq: 151)]))
        XCTAssertEqual(try store.pendingCount(), 149)
        // The genuine one arrives: the whole rest drains in order.
        XCTAssertEqual(try store.receive(raw: [(chain[150].body, chain[150].signature)], nowMilliseconds: now).map(\.outcome), [.stored])
        XCTAssertEqual(try store.pendingCount(), 0)
        XCTAssertEqual(try store.vector()[a.author]?.seq, 300)
        XCTAssertEqual(try store.log(limit: 300).map(\.seq), Array(1...300))
        XCTAssertEqual(try store.digest(), Register.applying(chain).digest)
    }

    func testABatchLargerThanOneTransactionSliceAnswersAfterTheLastCommit() throws {
        let store = try makeTemporaryStore(self)
        var a = ChainBuilder(TestKeys.key(4))
        let count = NodeStore.receiveSlice + 500
        let chain = (1...count).map { a.next([.set(TestKeys.initiative($0), "name", "initiative \($0)")]) }
        // The first change set comes last: everything before it waits, across the slices, and is
        // released by the last one; each is answered as what it finally is.
        let raw = (Array(chain.dropFirst()) + [chain[0]]).map { ($0.body, $0.signature) }
        let results = try store.receive(raw: raw, nowMilliseconds: now)
        XCTAssertEqual(results.map(\.outcome), Array(repeating: .stored, count: count))
        XCTAssertEqual(try store.vector()[a.author]?.seq, Int64(count))
        XCTAssertEqual(try store.pendingCount(), 0)
        XCTAssertEqual(try store.digest(), Register.applying(chain).digest)
    }
}
