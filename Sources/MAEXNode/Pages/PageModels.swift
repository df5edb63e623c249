import MAEXCore

/// Builds the Mustache contexts shared by several pages. Pure. Contexts are dictionaries whose
/// absent values are left out (never stored as `nil`), so `{{#x}}` sections behave.
enum PageModels {
    /// A context from optional values: `nil` values are dropped.
    static func context(_ values: [String: Any?]) -> [String: Any] { values.compactMapValues { $0 } }

    /// An SDG tile.
    static func tile(_ number: Int) -> [String: Any]? {
        guard let sdg = SDG.number(number) else { return nil }
        return ["number": sdg.number, "name": sdg.name, "colour": sdg.colour, "textColour": PageFormat.textColour(on: sdg.colour)]
    }

    /// A card in a list of initiatives.
    static func card(_ initiative: InitiativeProfile, openNeeds: [Need], socialReturn: Bool, today: String) -> [String: Any] {
        context([
            "id": initiative.id, "name": initiative.name, "municipalityName": Municipalities.name(of: initiative.municipality),
            "phase": PageFormat.phase(initiative.phase), "stale": initiative.isStale(on: today),
            "sdgs": initiative.sdgs.compactMap(tile), "needs": Array(Set(openNeeds.map { PageFormat.needKind($0.kind) })).sorted(),
            "socialReturn": socialReturn,
        ])
    }

    /// Select options with `selected` set on the current value.
    static func options(_ pairs: [(value: String, label: String)], selected: String?) -> [[String: Any]] {
        pairs.map { ["value": $0.value, "label": $0.label, "selected": $0.value == selected] }
    }

    /// An open need in a list, naming its initiative.
    static func need(_ need: Need, initiativeName: String) -> [String: Any] {
        context([
            "kind": PageFormat.needKind(need.kind), "description": need.description, "initiativeID": need.initiative,
            "initiativeName": initiativeName, "amount": need.amountCents.map(PageFormat.euros), "hours": need.hours.map { "\($0)" },
            "expires": need.expires.map(PageFormat.date),
        ])
    }
}
