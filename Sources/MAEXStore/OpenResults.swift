import Dispatch
import MAEXCore
import Synchronization

/// Verification results filled chunk by chunk while the single writer consumes them in order.
///
/// Background workers and the writer itself claim chunks in order (one atomic counter): when
/// the writer reaches a chunk nobody finished yet, it verifies the next unclaimed chunk instead
/// of idling, and blocks only when every chunk is claimed. Each slot is written by the one
/// claimant of its chunk; a slot is read only after its chunk's semaphore was signalled, which
/// orders the write before the read.
final class OpenResults: @unchecked Sendable {
    /// How many items one claim opens before signalling.
    static let chunkSize = 8

    private let storage: UnsafeMutableBufferPointer<Result<SignedChangeSet, EnvelopeError>?>
    private let ready: [DispatchSemaphore]
    private let claimed = Atomic<Int>(0)
    private let open: @Sendable (Int) -> Result<SignedChangeSet, EnvelopeError>
    private var waited = -1
    /// Number of items.
    let count: Int

    /// Prepares `count` slots; `open` opens item `index` (called once per index, on any thread).
    init(count: Int, open: @escaping @Sendable (Int) -> Result<SignedChangeSet, EnvelopeError>) {
        self.count = count
        self.open = open
        storage = .allocate(capacity: count)
        storage.initialize(repeating: nil)
        ready = (0..<((count + Self.chunkSize - 1) / Self.chunkSize)).map { _ in DispatchSemaphore(value: 0) }
    }

    deinit {
        storage.deinitialize()
        storage.deallocate()
    }

    /// Claims and opens the next unclaimed chunk; `false` when every chunk was claimed.
    func openNextChunk() -> Bool {
        let chunk = claimed.wrappingAdd(1, ordering: .relaxed).oldValue
        guard chunk < ready.count else { return false }
        for index in (chunk * Self.chunkSize)..<min(count, (chunk + 1) * Self.chunkSize) {
            storage[index] = open(index)
        }
        ready[chunk].signal()
        return true
    }

    /// Opens chunks until none is left (a background worker's loop).
    func work() {
        while openNextChunk() {}
    }

    /// The result of slot `index`. Call from one thread with increasing indices only; until
    /// the slot's chunk is finished this helps by opening unclaimed chunks, then blocks.
    func wait(for index: Int) -> Result<SignedChangeSet, EnvelopeError> {
        let chunk = index / Self.chunkSize
        while waited < chunk {
            let next = waited + 1
            while ready[next].wait(timeout: .now()) == .timedOut {
                if !openNextChunk() {
                    ready[next].wait()
                    break
                }
            }
            waited = next
        }
        return storage[index] ?? .failure(.missingField("(not verified)"))
    }
}
