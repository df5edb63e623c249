import MAEXStore
import Synchronization

/// The open-data register of the latest register generation: read again only after a change
/// set arrived (`NodeStore.registerGeneration()`).
final class OpenDataCache: Sendable {
    private let entry = Mutex<(generation: RegisterGeneration, register: OpenDataRegister)?>(nil)

    init() {}

    /// The register at the store's current generation (call off the concurrency pool).
    func register(from store: NodeStore) throws -> OpenDataRegister {
        let generation = try store.registerGeneration()
        if let cached = entry.withLock({ $0 }), cached.generation == generation { return cached.register }
        let register = try OpenDataRegister.load(from: store)
        entry.withLock { $0 = (generation, register) }
        return register
    }
}
