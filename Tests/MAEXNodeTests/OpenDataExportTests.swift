import Foundation
import MAEXCore
import MAEXStore
import MAEXWire
import XCTest

@testable import MAEXNode

/// `maex-node export` through the real binary, the CSV tables (a round trip through our reader
/// and through Python's csv module) and the handprint table against sums computed here.
final class OpenDataExportTests: XCTestCase {
    /// Reads every CSV file named in argv into {file: [rows as dicts]} with Python's csv module.
    private static let readCSV = """
        import csv, json, sys
        out = {}
        for path in sys.argv[1:]:
            with open(path, newline="", encoding="utf-8") as f:
                out[path.rsplit("/", 1)[-1]] = list(csv.DictReader(f))
        print(json.dumps(out))
        """

    func testCSVTextRoundTripsThroughTheReader() throws {
        let table = CSVTable(
            header: ["id", "text", "empty"],
            rows: [
                ["1", "komma, \"quotes\" en\r\nregels", ""], ["2", " spatie ", "café ☕"], ["3", "", "\"\""], ["4", "line\nfeed", "a\rb"],
            ])
        XCTAssertEqual(try CSVReader.table(table.text), table)
        XCTAssertTrue(table.text.hasPrefix("id,text,empty\r\n1,\"komma, \"\"quotes\"\" en\r\nregels\",\r\n"))
        XCTAssertThrowsError(try CSVReader.table("a,b\r\n1\r\n"))
        XCTAssertThrowsError(try CSVReader.table("a\r\n\"open\r\n"))
        XCTAssertThrowsError(try CSVReader.table("a\r\nx\"y\r\n"))
        XCTAssertThrowsError(try CSVReader.table("a\r\n\"x\"y\r\n"))
    }

    func testExportCSVThroughTheBinaryMatchesTheRegisterAndPythonReadsIt() throws {
        let seeded = try OpenDataTestNode()
        defer { seeded.remove() }
        let out = seeded.node.folder.appendingPathComponent("export")
        let result = try CLI.run(["export", "--data", seeded.node.folder.path, "--format", "csv", "--out", out.path])
        XCTAssertEqual(result.status, 0, result.stderr)
        let names = ["initiatives.csv", "needs.csv", "offers.csv", HandprintTable.fileName, "LICENTIE.txt"]
        XCTAssertEqual(result.lines, names.map { out.appendingPathComponent($0).path })
        let licence = try String(contentsOf: out.appendingPathComponent("LICENTIE.txt"), encoding: .utf8)
        XCTAssertTrue(licence.contains("CC BY 4.0") && licence.contains("Provincie Zeeland"), licence)

        // Round trip: our reader gives back exactly the tables the register makes.
        let register = try OpenDataRegister.load(from: seeded.node.store)
        for (name, table) in OpenDataTables.all(register) {
            XCTAssertEqual(try CSVReader.table(String(contentsOf: out.appendingPathComponent(name), encoding: .utf8)), table, name)
        }
        // Independently: Python's csv module reads the files, and the values are the records' own.
        let paths = names.dropLast().map { out.appendingPathComponent($0).path }
        let parsed = try JSONDecoder().decode([String: [[String: String]]].self, from: Data(runPython(Self.readCSV, paths).utf8))
        let initiatives = parsed["initiatives.csv"] ?? []
        XCTAssertEqual(initiatives.count, 3)
        for row in initiatives {
            let id = row["id"] ?? ""
            guard let state = try seeded.node.store.record(RecordKey(type: "initiative", id: id)) else { XCTFail("unknown id \(id)"); continue }
            for column in ["name", "description", "municipality", "kvk", "website", "status", "last_verified"] {
                XCTAssertEqual(row[column] ?? "", state.value(of: column)?.stringValue ?? "", "\(column) of \(id)")
            }
            let sdgs = state.value(of: "sdgs")?.arrayValue?.compactMap(\.intValue).map(String.init).joined(separator: ";") ?? ""
            XCTAssertEqual(row["sdgs"], sdgs)
            XCTAssertEqual(row["volunteers"] ?? "", state.value(of: "volunteers")?.intValue.map(String.init) ?? "")
        }
        let repair = initiatives.first { $0["id"] == seeded.ids["repair"] }
        XCTAssertEqual(repair?["description"], "Samen repareren, \"gratis\" & gezellig")
        XCTAssertEqual(repair?["anbi"], "true")
        XCTAssertEqual(repair?["working_area"], "GM0687;GM0718")
        XCTAssertEqual(parsed["offers.csv"]?.map { $0["name"] ?? "" }.sorted(), ["Reparatie op locatie", "Voedselpakket"])
        XCTAssertEqual(parsed["needs.csv"]?.first?["hours"], "40")

        // The handprint table joins CBS StatLine: RegioS and Perioden; sums computed here.
        let handprint = parsed[HandprintTable.fileName] ?? []
        XCTAssertEqual(handprint.count, 2)
        let food = handprint.first { $0["SDG"] == "3" }
        XCTAssertEqual(food?["RegioS"], "GM0718")
        XCTAssertEqual(food?["Perioden"], "2025JJ00")
        XCTAssertEqual(food?["Jaar"], "2025")
        XCTAssertEqual(food?["WaardeCent"], "0", "no publication consent: value not summed")
        XCTAssertEqual(food?["BijdragenZonderWaarde"], "1")
        XCTAssertEqual(food?["Vrijwilligers"], "30")
        let repairRow = handprint.first { $0["SDG"] == "12" }
        XCTAssertEqual(repairRow?["WaardeCent"], String(10 * 2_500))
        XCTAssertEqual(repairRow?["WaardeEuro"], "250.00")
        XCTAssertEqual(repairRow?["Initiatieven"], "1")
        XCTAssertEqual(repairRow?["BereikteMensen"], "400")
        XCTAssertEqual(repairRow?["SDGNaam"], "Verantwoorde consumptie en productie")

        // An existing export is never overwritten.
        let again = try CLI.run(["export", "--data", seeded.node.folder.path, "--format", "csv", "--out", out.path])
        XCTAssertRefused(again, status: 1, mentions: "exists already")
    }

    func testHandprintTableSumsPerMunicipalityGoalAndYear() throws {
        var register = OpenDataRegister()
        let profile = { (id: String, municipality: String, consent: Bool, volunteers: Int64) -> OpenDataInitiative? in
            let fields: [String: JSONValue] = [
                "name": .string(id), "municipality": .string(municipality), "publication_consent": .bool(consent),
                "volunteers": .int(volunteers), "people_reached": .int(volunteers * 10),
            ]
            var state = RecordState()
            let ref = ChangeRef(author: SigningKey().nodeID, seq: 1)
            for (field, value) in fields { state.apply(field: field, write: FieldWrite(ref: ref, hlc: HLCTimestamp(milliseconds: 1, counter: 0), value: value), pred: []) }
            return OpenDataInitiative(id: id, state: state)
        }
        register.initiatives = [profile("a", "GM0718", true, 5), profile("b", "GM0718", true, 7), profile("c", "GM0716", false, 3)].compactMap { $0 }
        func line(_ initiative: String, _ municipality: String, goal: Int, year: Int, quantity: Int64, cents: Int64, kind: ContributionKind = .realised) -> Contribution {
            Contribution(
                id: UUID().uuidString, initiative: initiative, municipality: municipality, goal: goal, activity: "x", indicator: "x",
                quantity: quantity, unit: "x", centsPerUnit: cents, year: year, kind: kind, methodVersion: "1")
        }
        register.contributions = [
            line("a", "GM0718", goal: 3, year: 2024, quantity: 2, cents: 150), line("b", "GM0718", goal: 3, year: 2024, quantity: 1, cents: 1_005),
            line("a", "GM0718", goal: 3, year: 2025, quantity: 4, cents: 100), line("a", "GM0718", goal: 3, year: 2024, quantity: 9, cents: 9, kind: .forecast),
            line("c", "GM0716", goal: 13, year: 2024, quantity: 1, cents: 500), line("a", "GM9999", goal: 3, year: 2024, quantity: 1, cents: 1),
        ]
        let table = HandprintTable.table(register)
        XCTAssertEqual(table.header.prefix(3), ["RegioS", "Perioden", "Jaar"])
        let rows = table.rows.map { Dictionary(uniqueKeysWithValues: zip(table.header, $0)) }
        XCTAssertEqual(rows.map { "\($0["RegioS"] ?? "") \($0["Perioden"] ?? "") SDG\($0["SDG"] ?? "")" }, [
            "GM0716 2024JJ00 SDG13", "GM0718 2024JJ00 SDG3", "GM0718 2025JJ00 SDG3",
        ], "the profile's municipality counts, forecasts do not")
        XCTAssertEqual(rows[1]["WaardeCent"], String(2 * 150 + 1 * 1_005 + 1))
        XCTAssertEqual(rows[1]["WaardeEuro"], "13.06")
        XCTAssertEqual(rows[1]["Bijdragen"], "3")
        XCTAssertEqual(rows[1]["Initiatieven"], "2")
        XCTAssertEqual(rows[1]["Vrijwilligers"], "12")
        XCTAssertEqual(rows[1]["BereikteMensen"], "120")
        XCTAssertEqual(rows[0]["WaardeCent"], "0")
        XCTAssertEqual(rows[0]["BijdragenZonderWaarde"], "1")
        XCTAssertEqual(rows[2]["WaardeCent"], "400")
    }

    func testExportHSDSFilesValidateAndGivingRefusesWithoutGrants() throws {
        let seeded = try OpenDataTestNode()
        defer { seeded.remove() }
        let out = seeded.node.folder.appendingPathComponent("hsds")
        let result = try CLI.run([
            "export", "--data", seeded.node.folder.path, "--format", "hsds", "--out", out.path, "--licence", "CC0 1.0", "--licence-url",
            "https://creativecommons.org/publicdomain/zero/1.0/",
        ])
        XCTAssertEqual(result.status, 0, result.stderr)
        var entries: [SchemaValidator.Entry] = []
        for (file, schema) in [("organizations.json", "organization.json"), ("services.json", "service.json"), ("taxonomies.json", "taxonomy.json"), ("taxonomy_terms.json", "taxonomy_term.json")] {
            let items = try JSONDecoder().decode([WireJSON].self, from: Data(contentsOf: out.appendingPathComponent(file)))
            XCTAssertFalse(items.isEmpty, file)
            entries += items.enumerated().map { .init(name: "\(file) #\($0.offset)", schema: schema, document: $0.element) }
        }
        XCTAssertEqual(entries.count, 3 + 5 + 2 + 20)
        try SchemaValidator.validate(entries, folder: "hsds-3.0")
        XCTAssertTrue(try String(contentsOf: out.appendingPathComponent("LICENTIE.txt"), encoding: .utf8).contains("CC0 1.0"))

        let giving = seeded.node.folder.appendingPathComponent("giving")
        let refused = try CLI.run(["export", "--data", seeded.node.folder.path, "--format", "360giving", "--out", giving.path])
        XCTAssertRefused(refused, status: 1, mentions: "holds no grants")
        XCTAssertFalse(FileManager.default.fileExists(atPath: giving.path), "nothing written")
        // Why: the 360Giving package schema refuses a package without grants.
        try SchemaValidator.validate(
            [.init(name: "empty package", schema: "360-giving-package-schema.json", document: WireJSON(.object(["grants": .array([])])), expect: "invalid")],
            folder: "360giving")
        let usage = try CLI.run(["export", "--data", seeded.node.folder.path, "--format", "xml"])
        XCTAssertEqual(usage.status, 2)
    }
}
