import Dispatch
import MAEXClient
import MAEXCore
import MAEXWire

/// A pull answer whose change sets were opened (parsed, checked and signature-verified) as
/// soon as it arrived, spread over the cores, so the next batch is verified while the store
/// writes the current one.
struct OpenedBatch: Sendable {
    /// The peer's answer.
    let reply: PeerReply<PullResponse>
    /// The change sets that opened, in the order received.
    let opened: [SignedChangeSet]
    /// The bytes of those that did not open (the store quarantines them with the reason).
    let unopened: [(body: [UInt8], signature: [UInt8])]

    /// Opens the change sets of `reply` for `realm`.
    init(_ reply: PeerReply<PullResponse>, realm: String) {
        self.reply = reply
        let wire = reply.value.changesets
        let results = ResultSlots(count: wire.count)
        DispatchQueue.concurrentPerform(iterations: wire.count) { index in
            let raw = wire[index].raw
            results.set(index, Result { () throws(EnvelopeError) in
                try SignedChangeSet.open(body: raw.body, signature: raw.signature, realm: realm)
            })
        }
        var opened: [SignedChangeSet] = []
        var unopened: [(body: [UInt8], signature: [UInt8])] = []
        opened.reserveCapacity(wire.count)
        for (index, result) in results.values.enumerated() {
            switch result {
            case .success(let signed): opened.append(signed)
            case .failure: unopened.append(wire[index].raw)
            case nil: unopened.append(wire[index].raw)
            }
        }
        self.opened = opened
        self.unopened = unopened
    }

    /// How many change sets the answer held.
    var count: Int { opened.count + unopened.count }
}

/// One result slot per index, each written by exactly one `concurrentPerform` iteration and
/// read only after all of them returned.
private final class ResultSlots: @unchecked Sendable {
    // @unchecked: fixed storage; every slot is written once, by one iteration.
    private let storage: UnsafeMutableBufferPointer<Result<SignedChangeSet, EnvelopeError>?>

    init(count: Int) {
        storage = .allocate(capacity: count)
        storage.initialize(repeating: nil)
    }

    deinit {
        storage.deinitialize()
        storage.deallocate()
    }

    func set(_ index: Int, _ result: Result<SignedChangeSet, EnvelopeError>) {
        storage[index] = result
    }

    var values: [Result<SignedChangeSet, EnvelopeError>?] { Array(storage) }
}
