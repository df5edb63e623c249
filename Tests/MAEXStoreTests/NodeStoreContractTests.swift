import XCTest

/// The replica contract against the SQLite store (a fresh database per replica), once with
/// verified change sets and once with raw bytes through `receive(raw:)`.
final class NodeStoreContractTests: XCTestCase {
    private func contract(raw: Bool = false) -> ReplicaContract {
        ReplicaContract { [unowned self] in
            let replica = NodeStoreUnderTest(store: try makeTemporaryStore(self))
            replica.viaRawBytes = raw
            return replica
        }
    }

    func testStored() throws { try contract().stored() }
    func testDuplicate() throws { try contract().duplicate() }
    func testPendingThenDrainedInOrder() throws { try contract().pendingThenDrainedInOrder() }
    func testRejectedPrevMismatch() throws { try contract().rejectedPrevMismatch() }
    func testRejectedStaleClock() throws { try contract().rejectedStaleClock() }
    func testRejectedClockInFuture() throws { try contract().rejectedClockInFuture() }
    func testForkRetractsAuthor() throws { try contract().forkRetractsAuthor() }
    func testConcurrentWritesConflict() throws { try contract().concurrentWritesConflict() }
    func testTombstoneIsFinal() throws { try contract().tombstoneIsFinal() }

    func testWholeContractThroughRawBytes() throws {
        let raw = contract(raw: true)
        try raw.stored()
        try raw.duplicate()
        try raw.pendingThenDrainedInOrder()
        try raw.rejectedPrevMismatch()
        try raw.rejectedStaleClock()
        try raw.rejectedClockInFuture()
        try raw.forkRetractsAuthor()
        try raw.concurrentWritesConflict()
        try raw.tombstoneIsFinal()
    }
}
