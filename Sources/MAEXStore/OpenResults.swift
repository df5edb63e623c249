import MAEXCore

/// A fixed array of verification results written from `DispatchQueue.concurrentPerform`,
/// each slot by exactly one iteration, and read only after all iterations returned.
final class OpenResults: @unchecked Sendable {
    private let storage: UnsafeMutableBufferPointer<Result<SignedChangeSet, EnvelopeError>?>

    init(count: Int) {
        storage = .allocate(capacity: count)
        storage.initialize(repeating: nil)
    }

    deinit {
        storage.deinitialize()
        storage.deallocate()
    }

    /// Stores the result of slot `index` (each slot is written by one iteration only).
    func set(_ index: Int, _ result: Result<SignedChangeSet, EnvelopeError>) {
        storage[index] = result
    }

    /// All results, every slot filled.
    var values: [Result<SignedChangeSet, EnvelopeError>] {
        storage.map { $0 ?? .failure(.missingField("(not verified)")) }
    }
}
