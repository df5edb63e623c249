import Foundation
import Hummingbird
import HummingbirdTesting
import MAEXCore
import MAEXStore
import XCTest

@testable import MAEXNode

/// `/partner/{slug}`: a partner's goals with the initiatives, values, volunteers and people
/// reached per goal; the numbers equal sums computed here straight from the store's records.
final class OpenDataPartnerTests: XCTestCase {
    private struct Expected: Equatable {
        var initiatives = 0
        var valueCents: Int64 = 0
        var volunteers: Int64 = 0
        var peopleReached: Int64 = 0
    }

    /// The sums for `goal` over the initiatives of `area`, from the raw records.
    private func expected(_ store: NodeStore, goal: Int64, area: Set<String>) throws -> Expected {
        let initiatives = try store.records(type: "initiative").filter { !$0.state.isDeleted }
            .filter { area.contains($0.state.value(of: "municipality")?.stringValue ?? "") }
        let byID = Dictionary(uniqueKeysWithValues: initiatives.map { ($0.key.id, $0.state) })
        var result = Expected()
        var contributing = Set<String>()
        for (_, state) in try store.records(type: "contribution") {
            guard let parent = state.value(of: "initiative")?.stringValue, let profile = byID[parent],
                state.value(of: "kind") == .string("gerealiseerd"), state.value(of: "goal") == .int(goal)
            else { continue }
            contributing.insert(parent)
            if profile.value(of: "publication_consent") == .bool(true) {
                result.valueCents += (state.value(of: "quantity")?.intValue ?? 0) * (state.value(of: "value_per_unit_cents")?.intValue ?? 0)
            }
        }
        for (key, state) in initiatives where contributing.contains(key.id) || (state.value(of: "sdgs")?.arrayValue ?? []).contains(.int(goal)) {
            result.initiatives += 1
            result.volunteers += state.value(of: "volunteers")?.intValue ?? 0
            result.peopleReached += state.value(of: "people_reached")?.intValue ?? 0
        }
        return result
    }

    /// The summary row of each goal on the page.
    private func shown(_ html: String) throws -> [Int64: Expected] {
        let pattern = #"<tr data-goal="(\d+)">.*?data-initiatives="(\d+)".*?data-value-cents="(\d+)".*?data-volunteers="(\d+)".*?data-people-reached="(\d+)""#
        let regex = try NSRegularExpression(pattern: pattern, options: [.dotMatchesLineSeparators])
        var rows: [Int64: Expected] = [:]
        for match in regex.matches(in: html, range: NSRange(html.startIndex..., in: html)) {
            let numbers = (1...5).map { index in Range(match.range(at: index), in: html).flatMap { Int64(html[$0]) } ?? -1 }
            rows[numbers[0]] = Expected(initiatives: Int(numbers[1]), valueCents: numbers[2], volunteers: numbers[3], peopleReached: numbers[4])
        }
        return rows
    }

    func testPartnerPageNumbersEqualSumsFromTheRecords() async throws {
        let seeded = try OpenDataTestNode()
        defer { seeded.remove() }
        var earlier = OpenDataTestNode.contribution(goal: 12, quantity: 4, cents: 2_500, year: 2024)
        earlier["initiative"] = .string(seeded.ids["repair"] ?? "")
        earlier["municipality"] = .string("GM0718")
        try seeded.author.author(.create(RecordKey(type: "contribution", id: seeded.author.makeRecordID()), earlier))
        guard case .success(let vlissingen) = PartnerGoals.make(slug: "gemeente-vlissingen", name: "Gemeente Vlissingen", area: ["GM0718"], goals: [13, 3, 12]),
            case .success(let zeeland) = PartnerGoals.make(slug: "zeeland", name: "Provincie Zeeland", area: ["PV29"], goals: [12, 13])
        else { return XCTFail("partner goals refused") }
        var configuration = ServerTestNode.configuration()
        configuration.partners = [vlissingen, zeeland]
        let app = seeded.node.app(configuration)
        let pages = try await app.test(.router) { client in
            var pages: [String: (HTTPResponse.Status, String)] = [:]
            for path in ["/partner/gemeente-vlissingen", "/partner/zeeland", "/partner/onbekend", "/open-data"] {
                pages[path] = try await client.execute(uri: path, method: .get) { ($0.status, String(buffer: $0.body)) }
            }
            return pages
        }
        let zeelandCodes = Set(Municipalities.inProvince("PV29").map(\.code))
        for (path, partner, area) in [("/partner/gemeente-vlissingen", vlissingen, Set(["GM0718"])), ("/partner/zeeland", zeeland, zeelandCodes)] {
            guard let (status, html) = pages[path] else { return XCTFail(path) }
            XCTAssertEqual(status, .ok, path)
            let rows = try shown(html)
            XCTAssertEqual(rows.keys.sorted(), partner.goals.map(Int64.init), path)
            for goal in partner.goals {
                XCTAssertEqual(rows[Int64(goal)], try expected(seeded.node.store, goal: Int64(goal), area: area), "\(path) SDG \(goal)")
            }
        }
        // Not trivially zero: Vlissingen's SDG 12 holds two years of the Repair Café.
        let (_, page) = pages["/partner/gemeente-vlissingen"] ?? (.notFound, "")
        XCTAssertEqual(try shown(page)[12], Expected(initiatives: 1, valueCents: 14 * 2_500, volunteers: 14, peopleReached: 400))
        XCTAssertEqual(try shown(page)[3]?.volunteers, 30, "the food bank reports SDG 3 without consent: counted, value hidden")
        XCTAssertEqual(try shown(page)[3]?.valueCents, 0)
        XCTAssertTrue(page.contains("<td>2024</td><td class=\"num\">€ 100</td>"), "the trend table per year")
        XCTAssertTrue(page.contains("<td>2025</td><td class=\"num\">€ 250</td>"))
        XCTAssertTrue(page.contains(#"role="img" aria-label="Trend per jaar voor SDG 12"#))
        XCTAssertTrue(page.contains("<desc id=\"trend-12-desc\">2024: € 100, 1 bijdrage; 2025: € 250, 1 bijdrage.</desc>"))
        XCTAssertTrue(page.contains("Nog geen initiatieven in dit gebied die aan dit doel werken."), "SDG 13 has none in Vlissingen")
        XCTAssertEqual(pages["/partner/onbekend"]?.0, .notFound)
        XCTAssertTrue(pages["/open-data"]?.1.contains("href=\"/partner/zeeland\"") ?? false)
    }

    func testPartnerGoalsAreCheckedAndReadFromTheNodesFile() throws {
        for (slug, area, goals) in [("Bad Slug", ["GM0718"], [3]), ("ok", ["XX"], [3]), ("ok", ["GM0718"], [18]), ("ok", [], [3]), ("ok", ["GM0718"], [])] {
            guard case .failure = PartnerGoals.make(slug: slug, name: "X", area: area, goals: goals) else { return XCTFail("\(slug) \(area) \(goals)") }
        }
        let base = """
            name = "Gemeente Vlissingen"
            role = "municipality"
            scope = ["GM0718"]
            listen = "127.0.0.1:8080"
            data = "./vlissingen"

            [[partners]]
            slug = "gemeente-vlissingen"
            name = "Gemeente Vlissingen"
            area = ["GM0718"]
            goals = [11, 3, 3]
            """
        let configuration = try NodeConfiguration(toml: base)
        XCTAssertEqual(configuration.partners.map(\.slug), ["gemeente-vlissingen"])
        XCTAssertEqual(configuration.partners.first?.goals, [3, 11])
        XCTAssertThrowsError(try NodeConfiguration(toml: base.replacingOccurrences(of: "[11, 3, 3]", with: "[0]")))
        XCTAssertThrowsError(try NodeConfiguration(toml: base + "\ncolour = \"red\""))
        XCTAssertThrowsError(try NodeConfiguration(toml: base + "\n[[partners]]\nslug = \"gemeente-vlissingen\"\nname = \"X\"\narea = [\"NL\"]\ngoals = [1]"))
    }
}
