import Foundation
import Hummingbird
import HummingbirdTesting
import MAEXCore
import MAEXStore
import MAEXWire
import XCTest

@testable import MAEXNode

/// Fork proofs on the sync endpoints: pulls carry the server's forks and the proofs the caller
/// lacks; pushes may carry proofs, and one that proves nothing refuses the push whole.
final class ServerForkProofTests: XCTestCase {
    /// Two different change sets by one key at sequence 1.
    private func forkedPair() -> (SignedChangeSet, SignedChangeSet, NodeID) {
        let key = SigningKey()
        let a = TestAuthor(key: key).create(initiativeID(1), initiativeFields("Tak A"))
        let b = TestAuthor(key: key).create(initiativeID(2), initiativeFields("Tak B"))
        return (a, b, key.nodeID)
    }

    private static func pull(_ client: some TestClientProtocol, _ request: PullRequest) async throws -> PullResponse {
        try await client.execute(uri: "/v1/sync/pull", method: .post, headers: jsonHeaders, body: try jsonBody(request)).decoded(PullResponse.self)
    }

    func testPullCarriesForksAndTheProofsTheCallerLacksAndSkipsWhatTheyRetract() async throws {
        let node = try ServerTestNode()
        defer { node.remove() }
        let (a, b, forker) = forkedPair()
        let honest = TestAuthor()
        let h1 = honest.create(initiativeID(3), initiativeFields("Buurthuis"))
        XCTAssertEqual(try node.store.receive([a, b, h1], nowMilliseconds: ServerTestNode.now), [.stored, .fork(existing: a.id), .stored])

        try await node.app().test(.router) { client in
            let unaware = try await Self.pull(client, PullRequest(vector: [:]))
            XCTAssertEqual(unaware.forks, [forker.hex: 1])
            let proof = try XCTUnwrap(unaware.proofs?.first)
            XCTAssertEqual(proof.author, forker.hex)
            XCTAssertEqual(proof.seq, 1)
            XCTAssertEqual(Set(proof.changesets), [WireChangeSet(a), WireChangeSet(b)])
            XCTAssertEqual(unaware.changesets, [WireChangeSet(a), WireChangeSet(h1)], "log order; the caller does not know the fork")

            let aware = try await Self.pull(client, PullRequest(vector: [:], forks: [forker.hex: 1]))
            XCTAssertNil(aware.proofs, "the caller knows the fork: no proof")
            XCTAssertEqual(aware.changesets, [WireChangeSet(h1)], "nothing the known fork retracts")

            let bad = try await client.execute(
                uri: "/v1/sync/pull", method: .post, headers: jsonHeaders, body: try jsonBody(PullRequest(vector: [:], forks: ["zz": 1])))
            XCTAssertEqual(bad.status, .badRequest)
            XCTAssertEqual(try bad.errorCode(), "invalid_forks")
        }
    }

    func testAPushedProofIsRecordedBeforeTheChangeSetsItRetracts() async throws {
        let node = try ServerTestNode()
        defer { node.remove() }
        let (a, b, forker) = forkedPair()
        let wire = WireForkProof(author: forker.hex, seq: 1, changesets: [WireChangeSet(a), WireChangeSet(b)])
        try await node.app().test(.router) { client in
            let body = try jsonBody(PushRequest(changesets: [WireChangeSet(a)], proofs: [wire]))
            let answer = try await client.execute(uri: "/v1/sync/push", method: .post, headers: jsonHeaders, body: body)
            XCTAssertEqual(answer.status, .ok)
            XCTAssertEqual(try answer.decoded(PushResponse.self).results.map(\.status), [.rejected], "rule 7.1: the author forked at 1")
            XCTAssertEqual(try node.store.forkedAuthors(), [forker: 1])
            XCTAssertEqual(try node.store.forks().count, 1)
        }
    }

    func testAPushedProofThatProvesNothingRefusesThePushAndChangesNothing() async throws {
        let node = try ServerTestNode()
        defer { node.remove() }
        let (a, b, forker) = forkedPair()
        var tampered = WireChangeSet(b)
        tampered.sig = WireChangeSet(a).sig
        let honest = TestAuthor().create(initiativeID(5), initiativeFields("Moestuin"))
        let bad = [
            WireForkProof(author: forker.hex, seq: 1, changesets: [WireChangeSet(a), WireChangeSet(a)]),
            WireForkProof(author: forker.hex, seq: 1, changesets: [WireChangeSet(a), tampered]),
            WireForkProof(author: forker.hex, seq: 2, changesets: [WireChangeSet(a), WireChangeSet(b)]),
            WireForkProof(author: forker.hex, seq: 1, changesets: [WireChangeSet(a)]),
        ]
        let digest = try node.store.digest()
        try await node.app().test(.router) { client in
            for proof in bad {
                let body = try jsonBody(PushRequest(changesets: [WireChangeSet(honest)], proofs: [proof]))
                let answer = try await client.execute(uri: "/v1/sync/push", method: .post, headers: jsonHeaders, body: body)
                XCTAssertEqual(answer.status, .badRequest)
                XCTAssertEqual(try answer.errorCode(), "invalid_proof")
            }
            XCTAssertEqual(try node.store.forkedAuthors(), [:])
            XCTAssertEqual(try node.store.changeSetCount(), 0, "the change sets of a refused push are not stored")
            XCTAssertEqual(try node.store.digest(), digest)
            let health = try await client.execute(uri: "/healthz", method: .get)
            XCTAssertEqual(health.status, .ok, "the node keeps serving")
        }
    }
}
