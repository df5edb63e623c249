import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import MAEXCore
import MAEXStore
import XCTest

@testable import MAEXNode

/// The register has one edit path (`RegisterEditor`) behind three front doors: the command line
/// (the real `maex-node` binary), the JSON API and the admin edit form. The same edit through
/// each door stores the same change set: the same operations and dependencies. Every door edits
/// its own copy of one node folder, so keys, record ids and history are identical.
///
/// Also the regressions of the command line's own edit path: `initiative delete` left the
/// initiative's needs and contributions live, and `set municipality` left them behind.
final class EditFrontDoorTests: XCTestCase {
    private var hub = CLINode.temporary()
    private var copies: [URL] = []
    private var id = ""

    override func setUpWithError() throws {
        hub = CLINode.temporary()
        copies = []
        try hub.initialize(name: "Provincie Zeeland", role: "province", scope: "PV29")
        id = try hub.add("Repair Café", municipality: "GM0718")
        let need = try hub.run("initiative", "need", id, "--kind", "geld", "--description", "Een koelcel", "--amount-cents", "150000")
        XCTAssertEqual(need.status, 0, need.stderr)
        let line = try hub.run("initiative", "contribute", id, "--activity", "repair-item", "--quantity", "40", "--year", "2025")
        XCTAssertEqual(line.status, 0, line.stderr)
    }

    override func tearDown() {
        hub.remove()
        for copy in copies { try? FileManager.default.removeItem(at: copy) }
        super.tearDown()
    }

    func testSettingAFieldIsTheSameChangeSetThroughEveryDoor() async throws {
        let cli = try cliChange("initiative", "set", id, "volunteers", "12")
        let api = try await apiChange(.patch, "/v1/initiatives/\(id)", body: #"{"volunteers": 12}"#)
        let form = try await formChange { $0.set("volunteers", "12") }
        XCTAssertEqual(cli.ops.count, 1)
        assertSame(cli, api, form)
    }

    func testMovingAnInitiativeMovesItsSubRecordsThroughEveryDoor() async throws {
        let cli = try cliChange("initiative", "set", id, "municipality", "GM0716")
        let api = try await apiChange(.patch, "/v1/initiatives/\(id)", body: #"{"municipality": "GM0716"}"#)
        let form = try await formChange { $0.set("municipality", "GM0716") }
        assertSame(cli, api, form)

        let moved = cli.ops.compactMap { op -> RecordKey? in
            guard case .set(let set) = op, set.field == RecordSchema.Field.municipality, set.value == .string("GM0716") else { return nil }
            return set.record
        }
        XCTAssertEqual(Set(moved.map(\.type)), ["initiative", "need", "contribution"], "the need and the contribution move along")
        let store = try openStore(copies[0])
        for type in ["need", "contribution"] {
            let records = try store.records(type: type)
            XCTAssertEqual(records.count, 1)
            XCTAssertEqual(records.first?.state.value(of: RecordSchema.Field.municipality), .string("GM0716"), type)
        }
    }

    func testDeletingAnInitiativeTombstonesItsSubRecordsThroughTheCommandLineAndTheAPI() async throws {
        // The edit form has no delete of an initiative: two doors.
        let cli = try cliChange("initiative", "delete", id)
        let api = try await apiChange(.delete, "/v1/initiatives/\(id)", body: nil)
        XCTAssertEqual(cli.ops, api.ops)
        XCTAssertEqual(cli.deps, api.deps)

        let deleted = cli.ops.compactMap { op -> RecordKey? in
            guard case .delete(let key) = op else { return nil }
            return key
        }
        XCTAssertEqual(Set(deleted.map(\.type)), ["initiative", "need", "contribution"])
        XCTAssertEqual(deleted.count, 3)
        let store = try openStore(copies[0])
        for key in deleted {
            XCTAssertEqual(try store.record(key)?.isDeleted, true, "\(key.type) is tombstoned, so it does not sync as live")
        }
        for type in ["need", "contribution"] {
            XCTAssertEqual(try store.records(type: type).filter { !$0.state.isDeleted }.count, 0, "no live \(type) is left")
        }
    }

    // MARK: Doors

    /// Runs the real binary on a copy of the node and returns the one change set it stored.
    private func cliChange(_ arguments: String...) throws -> ChangeSet {
        let copy = try copyOfNode()
        let before = try head(copy)
        let result = try CLI.run(arguments + ["--data", copy.path])
        XCTAssertEqual(result.status, 0, result.stderr)
        return try stored(in: copy, after: before)
    }

    /// Sends one admin request to the JSON API of a copy of the node (in process).
    private func apiChange(_ method: HTTPRequest.Method, _ path: String, body: String?) async throws -> ChangeSet {
        let copy = try copyOfNode()
        let before = try head(copy)
        let headers: HTTPFields = [.authorization: "Bearer \(EditingTestNode.token)", .contentType: "application/json"]
        let status = try await send(copy, method, path, headers: headers, body: body)
        XCTAssertEqual(status, .ok)
        return try stored(in: copy, after: before)
    }

    /// Posts the admin edit form of the initiative, as prefilled and then changed by `change`,
    /// to a copy of the node (in process).
    private func formChange(_ change: (inout FormData) -> Void) async throws -> ChangeSet {
        let copy = try copyOfNode()
        let before = try head(copy)
        let state = try XCTUnwrap(try openStore(copy).record(RecordKey(type: RecordSchema.initiative.type, id: id)))
        var form = FormsController.prefilled(state)
        change(&form)
        let pairs = form.values.sorted { $0.key < $1.key }.flatMap { name, values in values.map { (name, $0) } }
        let headers: HTTPFields = [
            .authorization: "Basic " + Data("beheer:\(EditingTestNode.token)".utf8).base64EncodedString(),
            .contentType: "application/x-www-form-urlencoded",
        ]
        let status = try await send(copy, .post, "/beheer/initiatief/\(id)", headers: headers, body: EditingTestNode.formBody(pairs))
        XCTAssertEqual(status, .seeOther)
        return try stored(in: copy, after: before)
    }

    // MARK: Helpers

    private func assertSame(_ cli: ChangeSet, _ api: ChangeSet, _ form: ChangeSet, line: UInt = #line) {
        XCTAssertEqual(cli.ops, api.ops, "command line and API", line: line)
        XCTAssertEqual(cli.ops, form.ops, "command line and form", line: line)
        XCTAssertEqual(cli.deps, api.deps, line: line)
        XCTAssertEqual(cli.deps, form.deps, line: line)
    }

    /// A copy of the hub's folder (no process holds it open).
    private func copyOfNode() throws -> URL {
        let copy = hub.folder.deletingLastPathComponent().appendingPathComponent(hub.folder.lastPathComponent + "-copy\(copies.count)")
        try FileManager.default.copyItem(at: hub.folder, to: copy)
        copies.append(copy)
        return copy
    }

    private func openStore(_ folder: URL) throws -> NodeStore {
        try NodeDirectory.open(at: folder).openStore(logger: Logger(label: "test.store"))
    }

    /// The node's own head sequence in `folder`.
    private func head(_ folder: URL) throws -> Int64 {
        let directory = try NodeDirectory.open(at: folder)
        return try directory.openStore(logger: Logger(label: "test.store")).vector()[directory.nodeID]?.seq ?? 0
    }

    /// The one change set the node in `folder` authored after sequence `before`.
    private func stored(in folder: URL, after before: Int64, line: UInt = #line) throws -> ChangeSet {
        let directory = try NodeDirectory.open(at: folder)
        let store = try directory.openStore(logger: Logger(label: "test.store"))
        XCTAssertEqual(try store.vector()[directory.nodeID]?.seq, before + 1, "exactly one change set", line: line)
        return try XCTUnwrap(try store.changeSet(author: directory.nodeID, seq: before + 1), line: line).changeSet
    }

    /// Serves the node in `folder` in process, with an author and the test admin token, for one request.
    private func send(
        _ folder: URL, _ method: HTTPRequest.Method, _ path: String, headers: HTTPFields, body: String?
    ) async throws -> HTTPResponse.Status {
        let directory = try NodeDirectory.open(at: folder)
        let store = try directory.openStore(logger: Logger(label: "test.store"))
        var served = ServedNode(directory: directory, store: store)
        served.author = directory.makeAuthor(store: store, logger: Logger(label: "test.author"))
        served.admin = AdminAccess(token: EditingTestNode.token, allowRemote: true)
        var logger = Logger(label: "test.server")
        logger.logLevel = .warning
        let app = buildApplication(configuration: ServerTestNode.configuration(), node: served, logger: logger)
        return try await app.test(.router) { client in
            try await client.execute(uri: path, method: method, headers: headers, body: body.map { ByteBuffer(string: $0) }) { response in
                if response.status != .ok, response.status != .seeOther { XCTFail("\(method) \(path): \(String(buffer: response.body))") }
                return response.status
            }
        }
    }
}
