import MAEXCore
import MAEXStore

/// What a page shows, read from the store in one go: the live initiatives of an area with their
/// contributions, needs, offers and partners, as domain values.
struct PageRegister: Sendable {
    var initiatives: [InitiativeProfile] = []
    var contributions: [Contribution] = []
    var needs: [Need] = []
    var offers: [Offer] = []
    var partners: [PartnerRelation] = []
    /// When each initiative was first written: the earliest clock among its current writes.
    var created: [String: HLCTimestamp] = [:]

    /// Reads the records of `municipalities` (every municipality when `nil`).
    static func load(from store: NodeStore, municipalities: Set<String>?) throws -> PageRegister {
        func read<T>(_ schema: RecordSchema, _ make: (String, RecordState) -> T?) throws -> [T] {
            var rows: [(key: RecordKey, state: RecordState)] = []
            if let municipalities {
                for code in municipalities.sorted() { rows += try store.records(type: schema.type, municipality: code) }
            } else {
                rows = try store.records(type: schema.type)
            }
            return rows.compactMap { make($0.key.id, $0.state) }
        }
        var register = PageRegister()
        register.initiatives = try read(.initiative) { id, state in
            register.created[id] = state.fields.values.flatMap { $0.writes.map(\.hlc) }.min()
            return InitiativeProfile(id: id, state: state)
        }
        register.contributions = try read(.contribution, Contribution.init(id:state:))
        register.needs = try read(.need, Need.init(id:state:))
        register.offers = try read(.offer, Offer.init(id:state:))
        register.partners = try read(.partner, PartnerRelation.init(id:state:))
        return register
    }

    /// Reads one initiative and what hangs from it; `nil` when it is unknown or deleted.
    static func load(from store: NodeStore, initiative id: String) throws -> PageRegister? {
        guard let state = try store.record(RecordKey(type: RecordSchema.initiative.type, id: id)),
            let profile = InitiativeProfile(id: id, state: state)
        else { return nil }
        var register = try load(from: store, municipalities: [profile.municipality])
        register.initiatives = [profile]
        register.contributions.removeAll { $0.initiative != id }
        register.needs.removeAll { $0.initiative != id }
        register.offers.removeAll { $0.initiative != id }
        register.partners.removeAll { $0.initiative != id }
        return register
    }

    /// The public handprint report of these initiatives.
    var handprint: HandprintReport { HandprintCalculator().report(initiatives: initiatives, contributions: contributions) }

    /// The open needs on `today`, grouped by initiative id.
    func openNeeds(on today: String) -> [String: [Need]] {
        Dictionary(grouping: needs.filter { $0.isOpen(on: today) }, by: \.initiative)
    }

    /// The initiative ids with an offer that counts for social return.
    var socialReturnInitiatives: Set<String> { Set(offers.filter(\.socialReturn).map(\.initiative)) }
}
