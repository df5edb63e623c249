import Foundation
import MAEXClient
import MAEXCore
import MAEXNode
import MAEXStore
import MAEXWire

extension DemoScript {
    /// The fund code of the demo's fund node.
    static let fundCode = "impuls"

    /// MAEX Impuls: the fund node publishes a co-funded fund; Vlissingen applies while offline,
    /// Tholen online, both for more than the budget holds together; the fund decides; every
    /// node shows the same decisions and lead times.
    func runImpuls(step number: Int, repairCafe: RecordKey) async throws {
        step(number, "Impuls: het fonds publiceert een fonds met drie financiers", "a co-funded fund; two towns apply; the fund decides")
        let today = CalendarDate.iso(milliseconds: LocalAuthor.systemMilliseconds())
        network.stop("fund")
        try desk("fund") { desk in
            try desk.createFund([
                "fund": .string(Self.fundCode), "name": .string("Impuls Zeeland"), "areas": .array([.string("PV29")]),
                "amount_min_cents": .int(50_000), "amount_max_cents": .int(250_000), "decision_days": .int(21),
                "purpose": .string("Kleine, snelle bijdragen die de organisatie van een initiatief versterken"),
            ])
            for (funder, kind, cents) in [("Provincie Zeeland", "provincie", Int64(150_000)), ("Rabobank", "bank", 100_000), ("Gemeente Vlissingen", "gemeente", 50_000)] {
                try desk.pledge(fund: Self.fundCode, ["funder": .string(funder), "funder_kind": .string(kind), "amount_cents": .int(cents)])
                detail("financier \(funder): \(EligibilityProblem.euro(cents))")
            }
        }
        try await network.start("fund")
        _ = try await network.waitForConvergence(all, timeout: .seconds(60))
        network.stop("vlissingen")
        let offline = try desk("vlissingen") { desk in
            try desk.apply(initiative: repairCafe.id, fund: Self.fundCode, amountCents: 200_000, motivation: "Een tweede reparatietafel",
                           impact: "Twintig reparaties meer per maand", date: today).record.id
        }
        detail("Vlissingen (offline) vraagt EUR 2.000,00 aan voor Repair Café Vlissingen")
        network.stop("tholen")
        let online = try desk("tholen") { desk -> String in
            let initiative = try desk.store.records(type: RecordSchema.initiative.type, municipality: "GM0716").first?.key.id ?? ""
            return try desk.apply(initiative: initiative, fund: Self.fundCode, amountCents: 150_000, motivation: "Lesmateriaal",
                                  impact: "Meer deelnemers", date: today).record.id
        }
        detail("Tholen vraagt EUR 1.500,00 aan")
        try await network.start("tholen")
        try await waitUntilFundHolds([online])
        try decide(online, outcome: "toegekend", reason: nil, today: today)
        try await network.start("vlissingen")
        try await network.start("fund")
        try await waitUntilFundHolds([online, offline])
        try decide(offline, outcome: "toegekend", reason: nil, today: today)
        try decide(offline, outcome: "afgewezen", reason: "Het budget van deze ronde is op", today: today)
        try await network.start("fund")
        _ = try await network.waitForConvergence(all, timeout: .seconds(60))
        for node in network.nodes {
            let status = try await network.client(node.key).get("/v1/impuls/funds/\(Self.fundCode)", as: DemoFundStatus.self).value
            let decisions = status.applications.map { "\($0.status)" }.sorted().joined(separator: ", ")
            detail("\(node.name.padding(toLength: 30, withPad: " ", startingAt: 0)) over: \(EligibilityProblem.euro(status.left_cents)); besluiten: \(decisions); doorlooptijd tot besluit (mediaan): \(Self.days(status.lead_time_days.median_to_decision)) dagen")
        }
    }

    /// `3.0` as `3`, `2.5` as `2,5`, none as `-`.
    static func days(_ median: String?) -> String {
        guard let median else { return "-" }
        return (median.hasSuffix(".0") ? String(median.dropLast(2)) : median).replacingOccurrences(of: ".", with: ",")
    }

    private func decide(_ application: String, outcome: String, reason: String?, today: String) throws {
        network.stop("fund")
        do {
            try desk("fund") { desk in
                try desk.decide(application: application, outcome: outcome, amountCents: nil, reason: reason, date: today)
            }
            detail("het fonds besluit: \(outcome)\(reason.map { " (\($0))" } ?? "")")
        } catch let error as ImpulsError {
            detail("geweigerd (refused): \(error)")
        }
    }

    private func waitUntilFundHolds(_ applications: [String]) async throws {
        let deadline = ContinuousClock.now + .seconds(60)
        while ContinuousClock.now < deadline {
            let status = try? await network.client("fund").get("/v1/impuls/funds/\(Self.fundCode)", as: DemoFundStatus.self).value
            if let status, Set(applications).isSubset(of: Set(status.applications.map(\.id))) { return }
            try await Task.sleep(for: .milliseconds(200))
        }
        throw DemoImpulsError.timedOut
    }

    private func desk<T>(_ key: String, _ body: (ImpulsDesk) throws -> T) throws -> T {
        try network.withStopped(key) { directory, store in
            try body(ImpulsDesk(store: store, author: directory.makeAuthor(store: store, logger: CLILogging.logger)))
        }
    }
}

/// The demo waited too long for the fund node.
enum DemoImpulsError: Error, CustomStringConvertible {
    case timedOut
    var description: String { "the fund node did not receive the applications in time" }
}

/// What the demo reads of `GET /v1/impuls/funds/{code}`.
struct DemoFundStatus: Decodable, Sendable {
    struct Application: Decodable, Sendable {
        var id: String
        var status: String
    }
    struct Lead: Decodable, Sendable {
        var median_to_decision: String?
    }
    var left_cents: Int64
    var applications: [Application]
    var lead_time_days: Lead
}
