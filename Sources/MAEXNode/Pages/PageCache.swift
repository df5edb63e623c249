import MAEXStore
import Synchronization

/// The data the area pages derived, per area and day, kept while the store's register generation
/// (`NodeStore.registerGeneration()`) stays the same: a page then renders without reading and
/// decoding every record again. Holds a few areas; the oldest entry goes first.
final class PageCache: Sendable {
    private struct Entry {
        var generation: RegisterGeneration
        var data: AreaData
        var used: UInt64
    }

    /// The most areas kept.
    let capacity: Int
    private let state = Mutex<(entries: [String: Entry], clock: UInt64)>(([:], 0))

    init(capacity: Int = 8) {
        self.capacity = capacity
    }

    /// The area data of `codes` (every municipality when `nil`) at `generation` on `today`,
    /// made with `load` when not cached for that generation and day.
    func area(
        codes: Set<String>?, today: String, generation: RegisterGeneration, load: () throws -> AreaData
    ) rethrows -> AreaData {
        let key = today + " " + (codes.map { $0.sorted().joined(separator: ",") } ?? "*")
        let cached: AreaData? = state.withLock { state in
            guard var entry = state.entries[key], entry.generation == generation else { return nil }
            state.clock += 1
            entry.used = state.clock
            state.entries[key] = entry
            return entry.data
        }
        if let cached { return cached }
        let register = try load()
        state.withLock { state in
            state.clock += 1
            state.entries[key] = Entry(generation: generation, data: register, used: state.clock)
            while state.entries.count > capacity, let oldest = state.entries.min(by: { $0.value.used < $1.value.used })?.key {
                state.entries[oldest] = nil
            }
        }
        return register
    }
}
