import MAEXCore
import MAEXStore
import MAEXWire

extension WireForkProof {
    /// The most proofs a pull answer or a push carries (forks are rare; more follow next time).
    static let maxPerMessage = 64

    /// The wire form of fork evidence.
    init(_ evidence: ForkEvidence) {
        self.init(
            author: evidence.author.hex, seq: evidence.seq, changesets: [WireChangeSet(evidence.held), WireChangeSet(evidence.other)])
    }

    /// Opens and checks the proof for `realm`: two change sets, each verifying, of the named
    /// author and sequence, different from each other.
    /// - Throws: `ForkProofError` saying what is wrong.
    func evidence(realm: String, now: Int64) throws(ForkProofError) -> ForkEvidence {
        guard changesets.count == 2 else { throw ForkProofError(author: author, seq: seq, reason: "it holds \(changesets.count) change sets, not 2") }
        guard let node = try? NodeID(hex: author) else { throw ForkProofError(author: author, seq: seq, reason: "the author is not a node id") }
        var opened: [SignedChangeSet] = []
        for wire in changesets {
            let raw = wire.raw
            do {
                opened.append(try SignedChangeSet.open(body: raw.body, signature: raw.signature, realm: realm))
            } catch {
                throw ForkProofError(author: author, seq: seq, reason: "a change set does not verify: \(error)")
            }
        }
        let proof = ForkEvidence(author: node, seq: seq, held: opened[0], other: opened[1], detectedAtMilliseconds: now)
        guard proof.isProof else {
            throw ForkProofError(author: author, seq: seq, reason: "the change sets are not two different ones of this author and sequence")
        }
        return proof
    }
}

/// A fork proof that proves nothing: malformed, forged, or two copies of one change set.
struct ForkProofError: Error, Sendable, CustomStringConvertible {
    /// The author the proof names.
    var author: String
    /// The sequence it names.
    var seq: Int64
    /// What is wrong.
    var reason: String

    var description: String { "fork proof for author \(author.prefix(80)) at sequence \(seq) refused: \(reason)" }
}
