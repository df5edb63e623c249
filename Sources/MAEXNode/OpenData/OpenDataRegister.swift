import MAEXCore
import MAEXStore

/// Everything a node publishes as open data, read from its store in one go: every live
/// initiative it holds with its contributions, needs and offers, and when each offer was last
/// changed. Sorted by initiative name (ignoring case), then id.
struct OpenDataRegister: Sendable {
    var initiatives: [OpenDataInitiative] = []
    var contributions: [Contribution] = []
    var needs: [Need] = []
    var offers: [Offer] = []
    /// The latest clock of each offer's current writes, in milliseconds.
    var offerModified: [String: Int64] = [:]

    /// Reads the whole register the store holds.
    static func load(from store: NodeStore) throws -> OpenDataRegister {
        var register = OpenDataRegister()
        register.initiatives = try store.records(type: RecordSchema.initiative.type)
            .compactMap { OpenDataInitiative(id: $0.key.id, state: $0.state) }
            .sorted { ($0.profile.name.lowercased(), $0.id) < ($1.profile.name.lowercased(), $1.id) }
        let live = Set(register.initiatives.map(\.id))
        register.contributions = try store.records(type: RecordSchema.contribution.type)
            .compactMap { Contribution(id: $0.key.id, state: $0.state) }.filter { live.contains($0.initiative) }
        register.needs = try store.records(type: RecordSchema.need.type)
            .compactMap { Need(id: $0.key.id, state: $0.state) }.filter { live.contains($0.initiative) }
        for (key, state) in try store.records(type: RecordSchema.offer.type) {
            guard let offer = Offer(id: key.id, state: state), live.contains(offer.initiative) else { continue }
            register.offers.append(offer)
            register.offerModified[offer.id] = state.lastModified
        }
        return register
    }

    /// The initiative with `id`.
    func initiative(_ id: String) -> OpenDataInitiative? { initiatives.first { $0.id == id } }
}
