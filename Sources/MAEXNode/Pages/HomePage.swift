import MAEXCore

/// `/`: the node's area at a glance. Pure: builds the context from a loaded register.
enum HomePage {
    static let latestCount = 6
    static let needCount = 10

    static func context(areaName: String, municipalities: [Municipality], data: AreaData) -> [String: Any] {
        let (register, today) = (data.register, data.today)
        let handprint = data.report.national
        let openNeeds = data.openNeeds
        let socialReturn = data.socialReturn
        let names = Dictionary(register.initiatives.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
        let latest = register.initiatives
            .sorted { (register.created[$0.id] ?? .zero, $0.id) > (register.created[$1.id] ?? .zero, $1.id) }
            .prefix(latestCount)
            .map { PageModels.card($0, openNeeds: openNeeds[$0.id] ?? [], socialReturn: socialReturn.contains($0.id), today: today) }
        let needs = openNeeds.values.joined()
            .filter { names[$0.initiative] != nil }
            .sorted { ($0.expires ?? "9999", $0.id) < ($1.expires ?? "9999", $1.id) }
            .prefix(needCount)
            .map { PageModels.need($0, initiativeName: names[$0.initiative] ?? "") }
        return [
            "areaName": areaName, "initiativeCount": register.initiatives.count, "contributionCount": handprint.contributions,
            "valueText": PageFormat.euros(handprint.valueCents), "openNeedCount": openNeeds.values.reduce(0) { $0 + $1.count },
            "chart": HandprintChart.svg(handprint, id: "hp-area", title: "Maatschappelijke handafdruk van \(areaName) per SDG"),
            "latest": Array(latest), "openNeeds": Array(needs),
            "areaLinks": municipalities.map { ["code": $0.code, "name": $0.name] }, "hasAreaLinks": municipalities.count > 1,
        ]
    }
}
