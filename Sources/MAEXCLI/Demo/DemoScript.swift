import Foundation
import MAEXClient
import MAEXCore
import MAEXNode
import MAEXWire

/// The demo's story, step by step, narrated in plain Dutch (with English in brackets).
struct DemoScript: Sendable {
    let network: DemoNetwork
    /// The field both sides edit concurrently, and the values they write.
    static let conflictField = "volunteers"
    static let offlineValue = "14"
    static let hubValue = "16"

    var all: [String] { network.nodes.map(\.key) }

    func run() async throws {
        say("MAEX-demo: het Zeeuwse netwerk van vijf nodes (the Zeeland network of five nodes)")
        let ids = try network.prepareFolders()
        let names = Dictionary(uniqueKeysWithValues: network.nodes.map { (ids[$0.key]?.hex ?? $0.key, $0.name) })
        for node in network.nodes {
            detail("\(node.name.padding(toLength: 30, withPad: " ", startingAt: 0)) \(node.role) \(node.scope.joined(separator: ",")), node \(ids[node.key]?.hex.prefix(12) ?? "")…")
        }

        say("Vertrouwen: het rijk certificeert de provincie en het fonds, de provincie haar gemeenten (trust grant / trust import)")
        for line in try network.enroll() { detail(line) }

        step(1, "Vlissingen en Tholen leggen hun initiatieven vast, nog zonder netwerk", "the municipalities register initiatives, offline")
        var repairCafe: RecordKey?
        for (key, profiles) in [("vlissingen", DemoSeeds.vlissingen), ("tholen", DemoSeeds.tholen)] {
            try network.editRegister(key) { editor in
                for profile in profiles {
                    let name = profile.first { $0.key == "name" }?.value ?? ""
                    let children = DemoSeeds.children(of: name)
                    let result = try editor.createInitiative(DemoSeeds.values(profile), children: children)
                    if repairCafe == nil { repairCafe = RecordKey(type: RecordSchema.initiative.type, id: result.initiative) }
                    let lines = children[.contributions]?.count ?? 0
                    let needs = children[.needs]?.count ?? 0
                    detail("\(network.node(key).name): \(name) (\(lines) handafdrukregels, \(needs) hulpvragen)")
                }
            }
        }
        guard let repairCafe else { return }

        step(2, "Alle vijf nodes starten en synchroniseren via de Zeeuwse hub", "all nodes start and sync through the hub")
        for node in network.nodes { try await network.start(node.key) }
        let first = try await network.waitForConvergence(all, timeout: .seconds(60))
        detail("Iedere node heeft nu hetzelfde register: digest \(first.prefix(16))… (every node holds the same register)")
        try await showCount("national")

        step(3, "Vlissingen gaat offline en werkt gewoon door", "Vlissingen goes offline and keeps editing")
        network.stop("vlissingen")
        try network.editRegister("vlissingen") { editor in
            _ = try editor.updateInitiative(repairCafe.id, [Self.conflictField: try Self.typed(Self.offlineValue)])
            _ = try editor.createInitiative(DemoSeeds.values(DemoSeeds.offlineAddition))
        }
        detail("Repair Café Vlissingen: vrijwilligers = \(Self.offlineValue) (geteld op de laatste reparatiedag)")
        detail("nieuw initiatief: Zwerfafvalteam Vlissingen")

        step(4, "Tegelijk past de provincie hetzelfde veld aan", "meanwhile the hub edits the same field")
        detail("(de demo stopt de hub even om in zijn map te schrijven: een draaiende node laat alleen zichzelf schrijven)")
        network.stop("zeeland")
        try network.editRegister("zeeland") { editor in
            _ = try editor.updateInitiative(repairCafe.id, [Self.conflictField: try Self.typed(Self.hubValue)])
        }
        try await network.start("zeeland")
        detail("Repair Café Vlissingen: vrijwilligers = \(Self.hubValue) (uit de subsidieaanvraag bij de provincie)")
        let others = all.filter { $0 != "vlissingen" }
        let apart = try await network.waitForConvergence(others, timeout: .seconds(60))
        let offline = try network.offlineDigest("vlissingen")
        detail("de rest van het netwerk: digest \(apart.prefix(16))…; Vlissingen (offline): \(offline.prefix(16))… — verschillend")

        step(5, "Vlissingen komt weer online; de nodes synchroniseren", "Vlissingen comes back online and they sync")
        try await network.start("vlissingen")
        let converged = try await network.waitForConvergence(all, timeout: .seconds(60))
        for node in network.nodes {
            let digest = try await network.client(node.key).digest().value.digest
            detail("\(node.name.padding(toLength: 30, withPad: " ", startingAt: 0)) \(digest)")
        }
        detail("Alle vijf nodes tonen hetzelfde register \(converged.prefix(16))…, byte voor byte. (same digest everywhere)")

        step(6, "Het conflict blijft zichtbaar", "the conflict is kept visible")
        try await showConflict(repairCafe, names: names)

        try await runImpuls(step: 7, repairCafe: repairCafe)

        step(8, "De nodes draaien op (the nodes run at)", "")
        for node in network.nodes {
            detail("\(node.name.padding(toLength: 30, withPad: " ", startingAt: 0)) \(node.url)   (\(node.url)v1/initiatives, \(node.url)v1/digest)")
        }
        detail("gegevens en logs (data and logs): \(network.root.path)")
    }

    /// The value of the conflict field typed as `text`.
    private static func typed(_ text: String) throws -> JSONValue {
        try RecordSchema.initiative.field(conflictField).parse(text)
    }

    private func showCount(_ key: String) async throws {
        let list = try await network.client(key).initiatives(limit: 1).value
        detail("\(network.node(key).name) toont \(list.total) initiatieven uit Vlissingen en Tholen")
    }

    private func showConflict(_ record: RecordKey, names: [String: String]) async throws {
        let conflicts = try await network.client("national").conflicts().value.conflicts
        guard let conflict = conflicts.first(where: { $0.id == record.id && $0.field == Self.conflictField }) else {
            detail("(geen conflict gevonden: de bewerkingen waren niet gelijktijdig)")
            return
        }
        func describe(_ write: WireWrite) -> String {
            "\(write.value.value.canonicalString) door \(names[write.by] ?? String(write.by.prefix(12)))"
        }
        detail("Repair Café Vlissingen, veld \"\(conflict.field)\":")
        detail("  getoond (winner): \(describe(conflict.winner))  — de laatste bewerking volgens de hybride klok")
        for loser in conflict.losers { detail("  ook bewaard (kept): \(describe(loser))") }
        detail("Beide waarden en hun auteurs staan op elke node: GET /v1/conflicts")
    }

    // MARK: Narration

    private func say(_ text: String) { Console.line("\n" + text) }

    func step(_ number: Int, _ dutch: String, _ english: String) {
        Console.line("\n\(number). \(dutch)" + (english.isEmpty ? "" : "\n   (\(english))"))
    }

    func detail(_ text: String) {
        guard !text.isEmpty else { return }
        Console.line("   " + text)
    }
}
