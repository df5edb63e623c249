import Foundation
import MAEXCore
import MAEXStore
import MAEXTestSupport
import XCTest

/// Fork proofs learnt from peers: checked, recorded whether or not the log holds the forked
/// sequence, passed on to peers that lack them, and requirements on the retracted range met.
final class NodeStoreForkProofTests: XCTestCase {
    private let now = TestKeys.wall + 3_600_000
    private let record = TestKeys.initiative(1)

    /// An author's sequence 1, and two different sequence 2s.
    private func fork() -> (one: SignedChangeSet, a: SignedChangeSet, b: SignedChangeSet, author: ChainBuilder) {
        var author = ChainBuilder(TestKeys.key(7))
        let one = author.next([.set(record, "name", "begin")])
        let a = author.peek([.set(record, "name", "tak A", pred: [one.changeSet.ref])])
        let b = author.peek([.set(record, "name", "tak B", pred: [one.changeSet.ref])])
        return (one, a, b, author)
    }

    private func proof(_ first: SignedChangeSet, _ second: SignedChangeSet) -> ForkEvidence {
        ForkEvidence(author: first.changeSet.author, seq: first.changeSet.seq, held: first, other: second, detectedAtMilliseconds: now)
    }

    func testAProofForAChainHeldBelowTheForkFlagsTheAuthorAndRefusesTheRest() throws {
        let store = try makeTemporaryStore(self)
        let (one, a, b, _) = fork()
        XCTAssertEqual(try store.receive([one], nowMilliseconds: now), [.stored])
        let before = try store.digest()

        XCTAssertEqual(try store.recordForkProofs([proof(a, b)], nowMilliseconds: now), 1)
        XCTAssertEqual(try store.forkedAuthors(), [one.changeSet.author: 2])
        XCTAssertEqual(try store.forks().map(\.seq), [2], "the proof is listed with the evidence")
        XCTAssertEqual(try store.digest(), before, "nothing at or after the fork was applied")
        guard case .rejected = try store.receive([a], nowMilliseconds: now).first else {
            return XCTFail("branch A must be refused once the fork is known")
        }
        XCTAssertEqual(try store.digest(), before)
        XCTAssertEqual(try store.recordForkProofs([proof(b, a)], nowMilliseconds: now), 0, "known already: nothing learnt")
    }

    func testAProofWhereTheLogHoldsOneBranchRetractsIt() throws {
        let store = try makeTemporaryStore(self)
        let (one, a, b, _) = fork()
        XCTAssertEqual(try store.receive([one], nowMilliseconds: now), [.stored])
        let base = try store.digest()
        XCTAssertEqual(try store.receive([a], nowMilliseconds: now), [.stored])
        XCTAssertNotEqual(try store.digest(), base)

        XCTAssertEqual(try store.recordForkProofs([proof(b, a)], nowMilliseconds: now), 1)
        XCTAssertEqual(try store.forkedAuthors()[one.changeSet.author], 2)
        XCTAssertEqual(try store.digest(), base, "branch A is retracted")
        let evidence = try XCTUnwrap(try store.forks().first)
        XCTAssertEqual(evidence.held.id, a.id, "the logged branch is the held one")
        XCTAssertEqual(evidence.other.id, b.id)
    }

    func testProofsThatProveNothingAreRefusedAndChangeNothing() throws {
        let store = try makeTemporaryStore(self)
        let (one, a, b, _) = fork()
        XCTAssertEqual(try store.receive([one], nowMilliseconds: now), [.stored])
        var other = ChainBuilder(TestKeys.key(8))
        let stranger = other.next([.set(TestKeys.initiative(2), "name", "x")])
        for bad in [proof(a, a), proof(one, a), proof(a, stranger)] {
            XCTAssertThrowsError(try store.recordForkProofs([bad], nowMilliseconds: now))
        }
        XCTAssertThrowsError(try store.recordForkProofs([proof(a, b), proof(a, a)], nowMilliseconds: now), "one bad proof refuses all")
        XCTAssertEqual(try store.forkedAuthors(), [:])
        XCTAssertEqual(try store.forks(), [])
    }

    func testRequirementsOnTheRetractedRangeAreMetAndWaitingChangeSetsApply() throws {
        let store = try makeTemporaryStore(self)
        let (one, a, b, _) = fork()
        var other = ChainBuilder(TestKeys.key(9))
        // Another author saw branch A (its deps name sequence 2), which this store never holds.
        let seen = other.next([.set(TestKeys.initiative(3), "name", "gezien")], deps: [one.changeSet.author: 2])
        XCTAssertEqual(try store.receive([one, seen], nowMilliseconds: now), [.stored, .pending(missing: [ChangeRef(author: one.changeSet.author, seq: 2)])])
        XCTAssertEqual(try store.pendingCount(), 1)

        XCTAssertEqual(try store.recordForkProofs([proof(a, b)], nowMilliseconds: now), 1)
        XCTAssertEqual(try store.pendingCount(), 0, "the requirement on the retracted sequence counts as met")
        XCTAssertEqual(try store.vector()[other.author]?.seq, 1)
    }

    func testProofsAreOfferedOnlyToPeersThatLackThem() throws {
        let store = try makeTemporaryStore(self)
        let (one, a, b, _) = fork()
        XCTAssertEqual(try store.receive([one, a, b], nowMilliseconds: now), [.stored, .stored, .fork(existing: a.id)])
        let author = one.changeSet.author
        XCTAssertEqual(try store.forkProofs(lacking: [:]).map(\.seq), [2])
        XCTAssertEqual(try store.forkProofs(lacking: [author: 3]).map(\.seq), [2], "a peer knowing a later fork lacks this one")
        XCTAssertEqual(try store.forkProofs(lacking: [author: 2]), [], "a peer knowing it gets nothing")
        XCTAssertEqual(try store.forkProofs(lacking: [author: 1]), [], "nor one knowing an earlier fork")
        let sent = try XCTUnwrap(try store.forkProofs(lacking: [:]).first)
        XCTAssertTrue(sent.isProof)
        XCTAssertEqual(Set([sent.held.id, sent.other.id]), [a.id, b.id])
    }
}
