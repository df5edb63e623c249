import Foundation
import MAEXCore
import XCTest

/// `maex-node initiative add|set|delete|list|show`, end to end.
final class CLIInitiativeTests: XCTestCase {
    private var node = CLINode.temporary()

    override func setUpWithError() throws {
        node = CLINode.temporary()
        try node.initialize()
    }

    override func tearDown() {
        node.remove()
        super.tearDown()
    }

    func testAddPrintsTheNewIDLastAndShowReadsItBack() throws {
        let result = try node.run(
            "initiative", "add", "--name", "Repair Café Vlissingen", "--municipality", "GM0718",
            "--description", "Samen repareren", "--sdg", "12,3", "--field", "volunteers=12", "--field", "anbi=ja")
        XCTAssertEqual(result.status, 0, result.stderr)
        let id = try XCTUnwrap(result.lines.last)
        XCTAssertTrue(EnvelopeRules.isValidRecordID(id), id)

        let show = try node.run("initiative", "show", id, "--json")
        XCTAssertEqual(show.status, 0, show.stderr)
        let expected: JSONValue = .object([
            "type": .string("initiative"), "id": .string(id), "conflicts": .array([]),
            "fields": .object([
                "name": .string("Repair Café Vlissingen"), "municipality": .string("GM0718"), "description": .string("Samen repareren"),
                "sdgs": .array([.int(3), .int(12)]), "volunteers": .int(12), "anbi": .bool(true),
            ]),
        ])
        XCTAssertEqual(try show.json(), expected)
        XCTAssertEqual(show.stdout, expected.canonicalString + "\n", "JSON output is canonical: sorted keys, compact")

        let text = try node.run("initiative", "show", id)
        XCTAssertEqual(text.status, 0, text.stderr)
        XCTAssertTrue(text.lines.contains { $0.hasPrefix("name") && $0.hasSuffix("Repair Café Vlissingen") }, text.stdout)
        XCTAssertTrue(text.lines.contains { $0.hasPrefix("sdgs") && $0.hasSuffix("3, 12") }, text.stdout)
    }

    func testAddWithJSONPrintsTheRecord() throws {
        let result = try node.run("initiative", "add", "--name", "Voedselbank", "--municipality", "GM0718", "--json")
        XCTAssertEqual(result.status, 0, result.stderr)
        let record = try XCTUnwrap(try result.json().objectValue)
        XCTAssertEqual(record["fields"], .object(["name": .string("Voedselbank"), "municipality": .string("GM0718")]))
        let id = try XCTUnwrap(record["id"]?.stringValue)
        XCTAssertEqual(try node.run("initiative", "list").lines.first?.hasPrefix(id), true)
    }

    func testSetChangesClearsAndResolves() throws {
        let id = try node.add("Repair Café")
        let cases: [(String, String, JSONValue?)] = [
            ("sdgs", "3,11", .array([.int(3), .int(11)])),
            ("volunteers", "12", .int(12)),
            ("description", "Samen repareren", .string("Samen repareren")),
            ("description", "", nil),
            ("name", "Repair Café Vlissingen", .string("Repair Café Vlissingen")),
        ]
        for (field, value, expected) in cases {
            let result = try node.run("initiative", "set", id, field, value)
            XCTAssertEqual(result.status, 0, result.stderr)
            XCTAssertEqual(result.lines.count, 1)
            let fields = try node.run("initiative", "show", id, "--json").json().objectValue?["fields"]?.objectValue
            XCTAssertEqual(fields?[field], expected, "\(field) \(value)")
        }
        XCTAssertEqual(try node.run("log", "--json").json().arrayValue?.count, 6 + 1, "six edits and the node's certificate")
    }

    func testDeleteRemovesFromListButShowTellsItWasDeleted() throws {
        let keep = try node.add("Blijft")
        let gone = try node.add("Gaat weg")
        let delete = try node.run("initiative", "delete", gone)
        XCTAssertEqual(delete.status, 0, delete.stderr)
        let list = try node.run("initiative", "list", "--json").json()
        XCTAssertEqual(list.arrayValue?.compactMap { $0.objectValue?["id"]?.stringValue }, [keep])
        let show = try node.run("initiative", "show", gone, "--json").json().objectValue
        XCTAssertNotNil(show?["deleted"]?.objectValue?["by"])
        XCTAssertEqual(show?["fields"], .object([:]))
        XCTAssertRefused(try node.run("initiative", "delete", gone), status: 1, mentions: "initiatief \(gone) is verwijderd")
        XCTAssertRefused(try node.run("initiative", "set", gone, "name", "Terug"), status: 1, mentions: "initiatief \(gone) is verwijderd")
    }

    func testListFiltersByMunicipalityAndPrintsOneLinePerInitiative() throws {
        let hub = CLINode.temporary()
        defer { hub.remove() }
        try hub.initialize(name: "Provincie Zeeland", role: "province", scope: "PV29")
        let vlissingen = try hub.add("Repair Café", municipality: "GM0718")
        let tholen = try hub.add("Dorpstuin", municipality: "GM0716")

        let all = try hub.run("initiative", "list")
        XCTAssertEqual(all.status, 0, all.stderr)
        XCTAssertEqual(all.lines.count, 2)
        XCTAssertTrue(all.lines.contains("\(vlissingen)  GM0718  Repair Café"), all.stdout)
        XCTAssertTrue(all.lines.contains("\(tholen)  GM0716  Dorpstuin"), all.stdout)

        let filtered = try hub.run("initiative", "list", "--municipality", "GM0716", "--json").json()
        XCTAssertEqual(filtered.arrayValue?.compactMap { $0.objectValue?["id"]?.stringValue }, [tholen])
        XCTAssertEqual(try hub.run("initiative", "list", "--municipality", "GM0001", "--json").stdout, "[]\n")
    }

    func testUppercaseIDsAreAccepted() throws {
        let id = try node.add("Repair Café")
        let show = try node.run("initiative", "show", id.uppercased(), "--json")
        XCTAssertEqual(show.status, 0, show.stderr)
        XCTAssertEqual(try show.json().objectValue?["id"], .string(id))
    }
}
