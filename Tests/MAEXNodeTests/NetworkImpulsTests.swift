import Foundation
import MAEXClient
import MAEXCore
import MAEXNode
import MAEXStore
import MAEXWire
import XCTest

/// MAEX Impuls across processes, through the real binary and HTTP: a fund node publishes a
/// co-funded fund, two initiatives of two towns apply for the last budget, the fund decides,
/// exactly one is granted, an offline applicant gets its decision after sync, every node ends
/// with the same register; forged Impuls records are refused everywhere.
final class NetworkImpulsTests: XCTestCase {
    private var network: TestNetwork?
    private let fund = "impuls-zeeland"

    override func tearDown() {
        network?.stopAll()
        network = nil
        super.tearDown()
    }

    /// Runs `maex-node` on node `name`'s (stopped) folder.
    private func cli(_ name: String, _ arguments: [String]) throws -> CLIResult {
        guard let network else { throw NetworkTestError.timedOut("no network") }
        return try CLI.run(arguments + ["--data", network[name].folder.path])
    }

    /// Runs a command that must succeed; returns the id it prints last.
    private func record(_ name: String, _ arguments: [String], file: StaticString = #filePath, line: UInt = #line) throws -> String {
        let result = try cli(name, arguments)
        XCTAssertEqual(result.status, 0, "\(arguments): \(result.stderr)", file: file, line: line)
        return result.lines.last ?? ""
    }

    private func addInitiative(_ name: String, municipality: String, phase: String) throws -> String {
        guard let network else { throw NetworkTestError.timedOut("no network") }
        let (directory, store) = try network.open(name)
        let change = try directory.makeAuthor(store: store, logger: TestNetwork.logger).addInitiative([
            "name": .string("Initiatief \(name) \(phase)"), "municipality": .string(municipality), "description": .string("Buurthulp"),
            "legal_form": .string("stichting"), "email": .string("info@example.org"), "phase": .string(phase), "sdgs": .array([.int(11)]),
        ])
        return change.record.id
    }

    /// A change set signed by node `name`'s key, continuing its chain, with deps on its certificates.
    private func forged(by name: String, _ ops: [ChangeOperation]) throws -> SignedChangeSet {
        guard let network else { throw NetworkTestError.timedOut("no network") }
        let (directory, store) = try network.open(name)
        var deps: [NodeID: Int64] = [:]
        for held in try store.certificates(of: directory.nodeID) { deps[held.carrier.author] = held.carrier.seq }
        let head = try store.vector()[directory.nodeID]
        let changeSet = ChangeSet(
            realm: directory.info.realm, author: directory.nodeID, seq: (head?.seq ?? 0) + 1, prev: head?.id,
            hlc: HLCTimestamp(milliseconds: LocalAuthor.systemMilliseconds(), counter: 0), deps: deps, ops: ops)
        return changeSet.signed(with: directory.signingKey)
    }

    private func waitForOneDigest(_ names: [String], _ what: String) async throws {
        guard let network else { throw NetworkTestError.timedOut("no network") }
        try await TestNetwork.wait(timeout: .seconds(90), what) {
            var digests = Set<String>()
            for name in names { digests.insert(try await network[name].client().digest().value.digest) }
            return digests.count == 1
        }
    }

    private func start(_ name: String) async throws {
        guard let network else { throw NetworkTestError.timedOut("no network") }
        let peer: String
        switch name {
        case "national": return try await network[name].start()
        case "vlissingen": peer = network["zeeland"].url
        default: peer = network["national"].url
        }
        try await network[name].start(["--peer", peer, "--sync-interval", "0.2"])
    }

    func testTwoApplicationsRaceForTheLastBudgetAndExactlyOneIsGrantedOnEveryNode() async throws {
        let network = try TestNetwork()
        self.network = network
        let all = ["national", "zeeland", "fund", "vlissingen", "tholen"]
        try network.addNode("national", role: .national, scope: ["NL"])
        try network.addNode("zeeland", role: .province, scope: ["PV29"])
        try network.addNode("fund", role: .fund, scope: [fund])
        try network.addNode("vlissingen", role: .municipality, scope: ["GM0718"])
        try network.addNode("tholen", role: .municipality, scope: ["GM0716"])
        let repairCafe = try addInitiative("vlissingen", municipality: "GM0718", phase: "groei")
        let buurtHulp = try addInitiative("tholen", municipality: "GM0716", phase: "start")
        let young = try addInitiative("tholen", municipality: "GM0716", phase: "plan")

        // The fund node publishes a fund co-funded by the province and a bank: EUR 2,500.
        _ = try record("fund", [
            "impuls", "fund-create", "--code", fund, "--name", "Impuls Zeeland", "--area", "PV29", "--sdg", "3,11",
            "--amount-min-cents", "50000", "--amount-max-cents", "250000", "--opens", "2026-01-01", "--closes", "2027-12-31",
            "--decision-days", "21", "--field", "min_phase=start", "--field", "complete_profile=ja",
        ])
        _ = try record("fund", ["impuls", "pledge", fund, "--funder", "Provincie Zeeland", "--kind", "provincie", "--amount-cents", "150000"])
        _ = try record("fund", ["impuls", "pledge", fund, "--funder", "Rabobank", "--kind", "bank", "--amount-cents", "100000"])
        XCTAssertRefused(try cli("fund", ["impuls", "pledge", "impuls-brabant", "--funder", "X", "--kind", "bank", "--amount-cents", "1"]),
                         status: 1, mentions: "geen fonds impuls-brabant")

        // A province hub may not write a fund's records.
        let forgedPledge = try forged(by: "zeeland", [
            .set(SetOperation(record: RecordKey(type: "pledge", id: UUID().uuidString.lowercased()), field: "fund", value: .string(fund))),
        ])
        for name in all { try await start(name) }
        try await waitForOneDigest(all, "the fund to reach every node")

        // Both towns apply for EUR 1,500 while EUR 2,500 is left: only one can be granted.
        network["vlissingen"].stop()
        network["tholen"].stop()
        let apply = { (initiative: String, amount: String) in
            ["impuls", "apply", initiative, "--fund", self.fund, "--amount-cents", amount, "--motivation", "Een koelcel",
             "--impact", "Minder voedselverspilling", "--date", "2026-11-20"]
        }
        XCTAssertRefused(try cli("tholen", apply(young, "150000")), status: 1, mentions: "minstens fase start")
        XCTAssertRefused(try cli("tholen", apply(buurtHulp, "300000")), status: 1, mentions: "EUR 3.000,00")
        let first = try record("vlissingen", apply(repairCafe, "150000"))
        let second = try record("tholen", apply(buurtHulp, "150000"))
        // A municipality node may not decide.
        let decisionKey = RecordKey(type: "decision", id: UUID().uuidString.lowercased())
        let forgedDecision = try forged(by: "tholen", [
            .set(SetOperation(record: decisionKey, field: "application", value: .string(second))),
            .set(SetOperation(record: decisionKey, field: "fund", value: .string(fund))),
            .set(SetOperation(record: decisionKey, field: "outcome", value: .string("toegekend"))),
        ])
        XCTAssertRefused(try cli("vlissingen", apply(buurtHulp, "150000")), status: 1, mentions: "outside this node's scope")
        try await start("vlissingen")
        try await start("tholen")
        try await waitForOneDigest(all, "both applications to reach the fund node")

        // Vlissingen goes offline; the fund decides.
        network["vlissingen"].stop()
        network["fund"].stop()
        XCTAssertRefused(try cli("fund", ["impuls", "pay", first]), status: 1, mentions: "niet toegekend")
        _ = try record("fund", ["impuls", "decide", first, "--outcome", "toegekend", "--date", "2026-11-27"])
        XCTAssertRefused(try cli("fund", ["impuls", "decide", first, "--outcome", "toegekend"]), status: 1, mentions: "al toegekend")
        XCTAssertRefused(
            try cli("fund", ["impuls", "decide", second, "--outcome", "toegekend"]), status: 1,
            mentions: "het budget is op: EUR 1.500,00 gevraagd, nog EUR 1.000,00 beschikbaar")
        XCTAssertRefused(try cli("fund", ["impuls", "decide", second, "--outcome", "afgewezen"]), status: 1, mentions: "reason")
        _ = try record("fund", ["impuls", "decide", second, "--outcome", "afgewezen", "--reason", "Budget op", "--date", "2026-11-28"])
        _ = try record("fund", ["impuls", "pay", first, "--date", "2026-12-01"])
        // A fund node may not apply for an initiative.
        let foreignApplication = RecordKey(type: "application", id: UUID().uuidString.lowercased())
        let forgedApplication = try forged(by: "fund", [
            .set(SetOperation(record: foreignApplication, field: "fund_code", value: .string(fund))),
            .set(SetOperation(record: foreignApplication, field: "municipality", value: .string("GM0718"))),
        ])
        try await start("fund")

        let online = ["national", "zeeland", "fund", "tholen"]
        try await waitForOneDigest(online, "the decisions to reach the online nodes")
        let before = try await network["national"].client().digest().value.digest
        for target in ["national", "fund"] {
            let results = try await network[target].client().push([WireChangeSet(forgedDecision), WireChangeSet(forgedPledge), WireChangeSet(forgedApplication)]).value.results
            XCTAssertEqual(results.map(\.status), [.rejected, .rejected, .rejected], "\(target): \(results)")
            for (result, mention) in zip(results, [fund, fund, "GM0718"]) {
                XCTAssertTrue(result.reason?.contains(mention) ?? false, "\(target): \(result.reason ?? "") should mention \(mention)")
            }
        }

        // The offline applicant comes back and gets its decision; every node agrees.
        try await start("vlissingen")
        try await waitForOneDigest(all, "the offline applicant to catch up")
        let after = try await network["national"].client().digest().value.digest
        XCTAssertEqual(after, before, "the refused records changed nothing, and the returning node brought nothing new")
        for name in all {
            let body = try await network[name].client().get("/v1/impuls/funds/\(fund)", as: FundBody.self).value
            XCTAssertEqual(body, FundBody(budget_cents: 250_000, granted_cents: 150_000, paid_cents: 150_000, left_cents: 100_000), name)
        }
        do {
            _ = try await network["tholen"].client().get("/v1/impuls/funds/impuls-brabant", as: FundBody.self)
            XCTFail("an unknown fund is not found")
        } catch {
            XCTAssertTrue("\(error)".contains("404"), "\(error)")
        }
        network.stopAll(removeFiles: false)
        var statuses: [String: String] = [:]
        for name in all {
            let result = try cli(name, ["impuls", "status", fund])
            XCTAssertEqual(result.status, 0, "\(name): \(result.stderr)")
            statuses[name] = result.stdout
        }
        XCTAssertEqual(Set(statuses.values).count, 1, "every node derives the same fund state")
        let status = try cli("vlissingen", ["impuls", "status", fund]).json()
        XCTAssertEqual(status["budget_cents"], .int(250_000))
        XCTAssertEqual(status["granted_cents"], .int(150_000))
        XCTAssertEqual(status["paid_cents"], .int(150_000))
        XCTAssertEqual(status["left_cents"], .int(100_000))
        let applications = status["applications"]?.arrayValue ?? []
        let outcome = Dictionary(uniqueKeysWithValues: applications.compactMap { app -> (String, String)? in
            guard let id = app["id"]?.stringValue, let state = app["status"]?.stringValue else { return nil }
            return (id, state)
        })
        XCTAssertEqual(outcome, [first: "toegekend", second: "afgewezen"])
        XCTAssertEqual(status["lead_time_days"]?["to_decision"], .array([.int(7), .int(8)]))
        XCTAssertEqual(status["lead_time_days"]?["median_to_payment"], .string("11.0"))
        try checkGivingExport(of: "vlissingen")
    }

    /// `export --format 360giving` is valid 360Giving 1.4 and holds the one grant; the CSV too;
    /// and the validator does refuse a grant without an award date.
    private func checkGivingExport(of name: String) throws {
        let export = try cli(name, ["export", "--format", "360giving"])
        XCTAssertEqual(export.status, 0, export.stderr)
        let package = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(export.stdout.utf8)) as? [String: Any])
        let grants = try XCTUnwrap(package["grants"] as? [[String: Any]])
        XCTAssertEqual(grants.count, 1)
        XCTAssertEqual(grants.first?["amountAwarded"] as? Int, 1500)
        XCTAssertEqual(grants.first?["amountDisbursed"] as? Int, 1500)
        XCTAssertEqual(grants.first?["awardDate"] as? String, "2026-11-27")
        XCTAssertEqual(grants.first?["currency"] as? String, "EUR")
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("maex-360g-\(UUID().uuidString).json")
        defer { try? FileManager.default.removeItem(at: file) }
        try Data(export.stdout.utf8).write(to: file)
        XCTAssertEqual(try Self.validate(file), 0, "the export is valid 360Giving")
        var broken = grants
        broken[0]["awardDate"] = nil
        try JSONSerialization.data(withJSONObject: ["grants": broken]).write(to: file)
        XCTAssertEqual(try Self.validate(file), 1, "the validator refuses a grant without an award date")
        let csv = try cli(name, ["export", "--format", "360giving-csv"])
        XCTAssertEqual(csv.status, 0, csv.stderr)
        let rows = csv.stdout.components(separatedBy: "\r\n")
        XCTAssertEqual(rows.count, 3, "a header, one grant and the final line break")
        XCTAssertTrue(rows[0].hasPrefix("Identifier,Title,Description,Currency,"))
        XCTAssertTrue(rows[1].contains(",EUR,1500.00,1500.00,1500.00,2026-11-27,"), csv.stdout)
        XCTAssertRefused(try cli(name, ["export", "--format", "xml"]), status: 2, mentions: "--format")
    }

    /// Runs the fixtures' 360giving/validate.py (each grant and the package against the
    /// 360Giving 1.4.3 schemas beside it) on `file`; its exit status.
    private static func validate(_ file: URL) throws -> Int32 {
        let script = SchemaValidator.fixtures.appendingPathComponent("360giving/validate.py")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", script.path, file.path]
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus
    }
}

/// The money part of `GET /v1/impuls/funds/{code}`.
private struct FundBody: Decodable, Equatable {
    var budget_cents: Int64
    var granted_cents: Int64
    var paid_cents: Int64
    var left_cents: Int64
}

