import Logging
import MAEXClient
import MAEXCore
import MAEXStore
import MAEXWire

extension SyncRound {
    /// Compares the peer's heads with this node's chains and, where an author's chains part
    /// (two different change sets at one sequence: a restored or compromised node), finds the
    /// first such sequence (`ForkSearch`), stores the peer's change set there as fork evidence
    /// and pushes this node's one, so both nodes hold the evidence after this round.
    func exchangeForkEvidence(_ peerHeads: [String: WireHead], _ summary: inout SyncSummary) async throws(SyncError) {
        let local = try await storeCall { [store] () throws(StoreError) in try store.vector() }
        let forked = try await storeCall { [store] () throws(StoreError) in try store.forkedAuthors() }
        for (hex, head) in peerHeads.sorted(by: { $0.key < $1.key }) {
            guard let author = try? NodeID(hex: hex), forked[author] == nil, authors?.contains(author) ?? true,
                let mine = local[author], head.seq >= 1
            else { continue }
            let upper = min(mine.seq, head.seq)
            var theirs: SignedChangeSet?
            let theirID: ChangeSetID?
            if head.seq == upper {
                theirID = try? ChangeSetID(hex: head.id)
            } else {
                theirs = try await probe(author, upper, &summary)
                theirID = theirs?.id
            }
            guard let theirID, try await heldID(author, upper, mine) != theirID else { continue }
            try await settleFork(of: author, differingAt: upper, theirs: theirs, &summary)
        }
    }

    private func settleFork(of author: NodeID, differingAt upper: Int64, theirs known: SignedChangeSet?, _ summary: inout SyncSummary) async throws(SyncError) {
        var search = ForkSearch(differingAt: upper)
        var theirs = known
        while let seq = search.nextProbe {
            guard let probed = try await probe(author, seq, &summary) else { return }
            let differs = try await heldID(author, seq, nil) != probed.id
            if differs { theirs = probed }
            search.record(seq: seq, differs: differs)
        }
        guard let first = search.firstDifference else { return }
        if theirs?.changeSet.seq != first { theirs = try await probe(author, first, &summary) }
        guard let evidence = theirs else { return }
        let now = wallClock()
        let outcome = try await storeCall { [store] () throws(StoreError) in try store.receive([evidence], nowMilliseconds: now).first }
        if case .fork = outcome { summary.forks += 1 }
        logger.warning(
            "fork found comparing heads with the peer",
            metadata: ["change.author": "\(author.hex)", "change.seq": "\(first)", "change.id": "\(evidence.id.hex)"])
        guard pushes, let ours = try await storeCall({ [store] () throws(StoreError) in try store.changeSet(author: author, seq: first) }) else { return }
        let reply = try await peerCall { () throws(PeerError) in try await client.push([WireChangeSet(ours)]) }
        summary.traffic += reply.traffic
        summary.pushRequests += 1
        summary.pushed += 1
        for result in reply.value.results { tally(result, &summary) }
    }

    /// The peer's change set `seq` of `author`, verified, or `nil` when the peer does not send it.
    private func probe(_ author: NodeID, _ seq: Int64, _ summary: inout SyncSummary) async throws(SyncError) -> SignedChangeSet? {
        let request = PullRequest(vector: [author.hex: seq - 1], maxCount: 1, authors: [author.hex])
        let reply = try await peerCall { () throws(PeerError) in try await client.pull(request) }
        summary.traffic += reply.traffic
        summary.pullRequests += 1
        guard let item = reply.value.changesets.first else { return nil }
        let raw = item.raw
        guard let signed = try? SignedChangeSet.open(body: raw.body, signature: raw.signature, realm: store.realm),
            signed.changeSet.author == author, signed.changeSet.seq == seq
        else { return nil }
        return signed
    }

    /// The id this node holds at `seq` of `author`.
    private func heldID(_ author: NodeID, _ seq: Int64, _ head: AuthorHead?) async throws(SyncError) -> ChangeSetID? {
        if let head, head.seq == seq { return head.id }
        return try await storeCall { [store] () throws(StoreError) in try store.changeSet(author: author, seq: seq)?.id }
    }
}
