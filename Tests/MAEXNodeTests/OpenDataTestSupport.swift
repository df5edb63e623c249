import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import MAEXCore
import MAEXStore
import MAEXWire
import Synchronization
import XCTest

@testable import MAEXNode

/// A served node seeded for the open-data tests: three initiatives (two in Vlissingen written
/// at `early`, one in Middelburg at `late`), two offers, two contributions, one need.
struct OpenDataTestNode {
    /// When the first records were written, and the later ones.
    static let early: Int64 = 1_767_225_600_000  // 2026-01-01T00:00:00Z
    static let late: Int64 = 1_772_323_200_000  // 2026-03-01T00:00:00Z

    /// The authors' wall clock, moved forward by the seeding.
    final class Clock: Sendable {
        let milliseconds = Mutex(OpenDataTestNode.early)
    }

    let node: ServerTestNode
    let author: LocalAuthor
    private let clock = Clock()
    var ids: [String: String] = [:]

    init() throws {
        let clock = self.clock
        node = try ServerTestNode(name: "Provincie Zeeland", role: .province, scope: ["PV29"])
        author = LocalAuthor(
            store: node.store, key: SigningKey(), realm: ServerTestNode.realm, municipalities: nil, lock: nil,
            wallClock: { clock.milliseconds.withLock { $0 } }, logger: Logger(label: "test.opendata"))
        try seed()
    }

    private mutating func seed() throws {
        ids["repair"] = try add("initiative", [
            "name": .string("Repair Café Vlissingen"), "municipality": .string("GM0718"), "sdgs": .array([.int(11), .int(12)]),
            "themes": .array([.string("afval")]), "description": .string("Samen repareren, \"gratis\" & gezellig"),
            "kvk": .string("12345678"), "anbi": .bool(true), "legal_form": .string("stichting"), "year_founded": .int(2015),
            "website": .string("https://repaircafe.example/vlissingen"), "email": .string("info@repaircafe.example"),
            "working_area": .array([.string("GM0687"), .string("GM0718")]), "status": .string("actief"),
            "last_verified": .string("2026-01-10"), "volunteers": .int(14), "people_reached": .int(400),
            "publication_consent": .bool(true),
        ])
        ids["food"] = try add("initiative", [
            "name": .string("Voedselbank Walcheren"), "municipality": .string("GM0718"), "sdgs": .array([.int(1), .int(2)]),
            "status": .string("inactief"), "volunteers": .int(30), "people_reached": .int(900), "publication_consent": .bool(false),
        ])
        ids["foodOffer"] = try add("offer", parent("food", "GM0718").merging([
            "kind": .string("product"), "name": .string("Voedselpakket"),
        ]) { $1 })
        try add("contribution", parent("food", "GM0718").merging(Self.contribution(goal: 3, quantity: 100, cents: 4_000)) { $1 })
        try add("contribution", parent("repair", "GM0718").merging(Self.contribution(goal: 12, quantity: 10, cents: 2_500)) { $1 })
        try add("need", parent("repair", "GM0718").merging([
            "kind": .string("vrijwilligers"), "description": .string("Reparateurs gezocht"), "status": .string("open"), "hours": .int(40),
        ]) { $1 })
        clock.milliseconds.withLock { $0 = Self.late }
        ids["solar"] = try add("initiative", [
            "name": .string("Zonnecoöperatie Middelburg"), "municipality": .string("GM0687"), "sdgs": .array([.int(7), .int(13)]),
        ])
        ids["repairOffer"] = try add("offer", parent("repair", "GM0718").merging([
            "kind": .string("dienst"), "name": .string("Reparatie op locatie"), "social_return": .bool(true),
            "price": .string("op aanvraag"), "area": .array([.string("GM0718")]), "contact": .string("Jan, 0118 123456"),
            "description": .string("Wij komen langs"),
        ]) { $1 })
    }

    static func contribution(goal: Int64, quantity: Int64, cents: Int64, year: Int64 = 2025) -> [String: JSONValue] {
        [
            "goal": .int(goal), "activity": .string("repair-item"), "indicator": .string("aantal"), "quantity": .int(quantity),
            "unit": .string("eenheid"), "value_per_unit_cents": .int(cents), "total_cents": .int(quantity * cents), "year": .int(year),
            "kind": .string("gerealiseerd"), "method_version": .string("2026.1"),
        ]
    }

    private func parent(_ name: String, _ municipality: String) -> [String: JSONValue] {
        ["initiative": .string(ids[name] ?? ""), "municipality": .string(municipality)]
    }

    @discardableResult
    private func add(_ type: String, _ values: [String: JSONValue]) throws -> String {
        try RecordValidator.validateNew(type: type, values)
        let id = author.makeRecordID()
        try author.author(.create(RecordKey(type: type, id: id), values))
        return id
    }

    /// GETs `path` in-process: status and body.
    func get(_ path: String) async throws -> (status: HTTPResponse.Status, body: String) {
        try await node.app().test(.router) { client in
            try await client.execute(uri: path, method: .get) { ($0.status, String(buffer: $0.body)) }
        }
    }

    /// GETs `path` and decodes the JSON answer, failing unless it is 200.
    func json(_ path: String, file: StaticString = #filePath, line: UInt = #line) async throws -> JSONValue {
        let (status, body) = try await get(path)
        XCTAssertEqual(status, .ok, "\(path): \(body.prefix(300))", file: file, line: line)
        return try JSONDecoder().decode(WireJSON.self, from: Data(body.utf8)).value
    }

    func remove() { node.remove() }
}

/// Runs `Fixtures/validate_json.py` (Python `jsonschema`) on documents; fails clearly when
/// Python or jsonschema is missing (install with `make deps`).
enum SchemaValidator {
    /// The copied `Fixtures` folder of the test bundle (the schemas and the validator script).
    static var fixtures: URL {
        Bundle.module.url(forResource: "Fixtures", withExtension: nil)
            ?? URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")
    }

    /// One document to check against `schema` (a file in `folder`, with an optional pointer).
    struct Entry: Encodable {
        let name: String
        let schema: String
        var pointer: String?
        let document: WireJSON
        var expect = "valid"
    }

    /// Validates `entries` against the schemas of `folder` (under `Fixtures/`); returns the
    /// validator's output, failing the test when any entry misses its expectation.
    @discardableResult
    static func validate(_ entries: [Entry], folder: String, file: StaticString = #filePath, line: UInt = #line) throws -> String {
        let manifest = FileManager.default.temporaryDirectory.appendingPathComponent("maex-schema-\(UUID().uuidString).json")
        defer { try? FileManager.default.removeItem(at: manifest) }
        try JSONEncoder().encode(entries).write(to: manifest)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [
            "python3", fixtures.appendingPathComponent("validate_json.py").path, fixtures.appendingPathComponent(folder).path, manifest.path,
        ]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        switch process.terminationStatus {
        case 0: break
        case 2: XCTFail("Python's jsonschema is missing: run `make deps` or `python3 -m pip install jsonschema`", file: file, line: line)
        default: XCTFail("schema validation failed:\n\(output)", file: file, line: line)
        }
        XCTAssertTrue(output.contains("0 failures"), output, file: file, line: line)
        return output
    }
}

extension JSONValue {
    /// The member `key` of an object.
    subscript(_ key: String) -> JSONValue? { objectValue?[key] }
    /// The element `index` of an array.
    subscript(_ index: Int) -> JSONValue? {
        guard let array = arrayValue, array.indices.contains(index) else { return nil }
        return array[index]
    }
}

/// Runs a Python 3 script with arguments and returns its stdout; fails the test on a non-zero
/// exit (the script's output is in the message).
func runPython(_ script: String, _ arguments: [String], file: StaticString = #filePath, line: UInt = #line) throws -> String {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3", "-c", script] + arguments
    let pipe = Pipe()
    let errors = Pipe()
    process.standardOutput = pipe
    process.standardError = errors
    try process.run()
    let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    let problems = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    XCTAssertEqual(process.terminationStatus, 0, "python3 failed: \(problems)", file: file, line: line)
    return output
}
