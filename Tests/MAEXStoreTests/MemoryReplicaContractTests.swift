import XCTest

/// The replica contract against the in-memory reference implementation.
final class MemoryReplicaContractTests: XCTestCase {
    private var contract: ReplicaContract { ReplicaContract { MemoryReplicaUnderTest() } }

    func testStored() throws { try contract.stored() }
    func testDuplicate() throws { try contract.duplicate() }
    func testPendingThenDrainedInOrder() throws { try contract.pendingThenDrainedInOrder() }
    func testRejectedPrevMismatch() throws { try contract.rejectedPrevMismatch() }
    func testRejectedStaleClock() throws { try contract.rejectedStaleClock() }
    func testRejectedClockInFuture() throws { try contract.rejectedClockInFuture() }
    func testForkRetractsAuthor() throws { try contract.forkRetractsAuthor() }
    func testConcurrentWritesConflict() throws { try contract.concurrentWritesConflict() }
    func testTombstoneIsFinal() throws { try contract.tombstoneIsFinal() }
}
