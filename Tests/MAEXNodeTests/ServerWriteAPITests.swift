import Foundation
import Hummingbird
import HummingbirdTesting
import MAEXCore
import MAEXStore
import MAEXWire
import XCTest

@testable import MAEXNode

final class ServerWriteAPITests: XCTestCase {
    private let profile = #"{"name": "Repair Café Vlissingen", "municipality": "GM0718", "sdgs": [12, 11], "themes": ["repareren", "afval"], "publication_consent": true"#

    func testCreateWithSubRecordsIsOneChangeSet() async throws {
        let node = try EditingTestNode()
        defer { node.remove() }
        let body = profile + #", "contributions": [{"activity": "repair-item", "quantity": 120, "year": 2025}], "needs": [{"kind": "vrijwilligers", "description": "Reparateurs gezocht", "hours": 40}], "offers": [{"kind": "dienst", "name": "Reparatie op locatie", "social_return": true}], "partners": [{"organisation": "Gemeente Vlissingen", "role": "mogelijkmaker"}]}"#
        let answer = try await node.send(.post, "/v1/initiatives", body: body)
        XCTAssertEqual(answer.status, .created, answer.body)
        let json = try EditingTestNode.json(answer.body).objectValue ?? [:]
        let id = try XCTUnwrap(json["id"]?.stringValue)
        let created = json["created"]?.objectValue ?? [:]
        XCTAssertEqual(created["contributions"]?.arrayValue?.count, 1)
        XCTAssertEqual(created["needs"]?.arrayValue?.count, 1)
        XCTAssertEqual(created["offers"]?.arrayValue?.count, 1)
        XCTAssertEqual(created["partners"]?.arrayValue?.count, 1)
        XCTAssertEqual(json["changeSet"]?.objectValue?["seq"], .int(1))
        XCTAssertEqual(try node.changeSetCount(), 1, "one change set for the whole request")
        let state = try XCTUnwrap(try node.store.record(RecordKey(type: "initiative", id: id)))
        XCTAssertEqual(state.value(of: "sdgs"), .array([.int(11), .int(12)]), "sorted by the node")
        let contributionID = try XCTUnwrap(created["contributions"]?.arrayValue?.first?.stringValue)
        let contribution = try XCTUnwrap(try node.store.record(RecordKey(type: "contribution", id: contributionID)))
        XCTAssertEqual(contribution.value(of: "goal"), .int(12), "completed from the catalogue")
        XCTAssertEqual(contribution.value(of: "total_cents"), .int(120 * 2_500))
        XCTAssertEqual(contribution.value(of: "initiative"), .string(id))
        XCTAssertEqual(contribution.value(of: "municipality"), .string("GM0718"))
        XCTAssertEqual(contribution.value(of: "kind"), .string("gerealiseerd"))
        let page = try await node.send(.get, "/initiatief/\(id)", headers: [:])
        XCTAssertTrue(page.body.contains("Reparatie op locatie"))
        XCTAssertTrue(page.body.contains("120 reparatie"))
    }

    func testInvalidValuesAreAllNamedAndNothingIsStored() async throws {
        let node = try EditingTestNode()
        defer { node.remove() }
        let long = String(repeating: "x", count: 201)
        let body = #"{"name": "\#(long)", "municipality": "GM0716", "sdgs": [3, 18], "colour": "blauw", "contributions": [{"activity": "repair-item", "quantity": -5, "year": 2025}, {"activity": "vliegen", "quantity": 1, "year": 2025}], "needs": [{"kind": "geld", "description": "Koelcel", "amount_cents": -100}]}"#
        let answer = try await node.send(.post, "/v1/initiatives", body: body)
        XCTAssertEqual(answer.status, .unprocessableContent)
        let error = try EditingTestNode.json(answer.body).objectValue?["error"]?.objectValue ?? [:]
        XCTAssertEqual(error["code"], .string("invalid_fields"))
        let fields = Dictionary(
            (error["fields"]?.arrayValue ?? []).compactMap { item -> (String, String)? in
                guard let object = item.objectValue, let field = object["field"]?.stringValue, let message = object["message"]?.stringValue
                else { return nil }
                return (field, message)
            }, uniquingKeysWith: { first, _ in first })
        XCTAssertEqual(fields["name"], "hoogstens 200 tekens")
        XCTAssertEqual(fields["sdgs"], "onbekende SDG 18: de SDG's zijn genummerd 1 tot en met 17")
        XCTAssertEqual(fields["colour"], "onbekend veld")
        XCTAssertTrue(fields["municipality"]?.contains("valt buiten het werkgebied") ?? false, "\(fields)")
        XCTAssertTrue(fields["contributions[0].quantity"]?.contains("van 0 tot en met") ?? false, "\(fields)")
        XCTAssertTrue(fields["contributions[1].activity"]?.hasPrefix("onbekende activiteit") ?? false, "\(fields)")
        XCTAssertNotNil(fields["needs[0].amount_cents"])
        XCTAssertEqual(try node.changeSetCount(), 0, "nothing stored")
        XCTAssertEqual(try node.store.records(type: "initiative").count, 0)
    }

    func testPatchDeleteAndSubRecords() async throws {
        let node = try EditingTestNode()
        defer { node.remove() }
        let created = try await node.send(.post, "/v1/initiatives", body: profile + "}")
        let id = try XCTUnwrap(try EditingTestNode.json(created.body).objectValue?["id"]?.stringValue)
        let patched = try await node.send(.patch, "/v1/initiatives/\(id)", body: #"{"phase": "groei", "alternate_name": null}"#)
        XCTAssertEqual(patched.status, .ok, patched.body)
        XCTAssertEqual(try node.store.record(RecordKey(type: "initiative", id: id))?.value(of: "phase"), .string("groei"))
        let badPatch = try await node.send(.patch, "/v1/initiatives/\(id)", body: #"{"name": null, "volunteers": -1}"#)
        XCTAssertEqual(badPatch.status, .unprocessableContent)
        XCTAssertTrue(badPatch.body.contains("verplicht veld; kan niet leeg zijn"))
        let need = try await node.send(.post, "/v1/initiatives/\(id)/needs", body: #"{"kind": "geld", "description": "Koelcel", "amount_cents": 150000}"#)
        XCTAssertEqual(need.status, .created, need.body)
        let needID = try XCTUnwrap(try EditingTestNode.json(need.body).objectValue?["created"]?.objectValue?["needs"]?.arrayValue?.first?.stringValue)
        let needPatch = try await node.send(.patch, "/v1/initiatives/\(id)/needs/\(needID)", body: #"{"status": "vervuld"}"#)
        XCTAssertEqual(needPatch.status, .ok, needPatch.body)
        XCTAssertEqual(try node.store.record(RecordKey(type: "need", id: needID))?.value(of: "status"), .string("vervuld"))
        let parentEdit = try await node.send(.patch, "/v1/initiatives/\(id)/needs/\(needID)", body: #"{"initiative": "\#(id)"}"#)
        XCTAssertEqual(parentEdit.status, .unprocessableContent)
        let wrongCollection = try await node.send(.post, "/v1/initiatives/\(id)/fondsen", body: "{}")
        XCTAssertEqual(wrongCollection.status, .notFound)
        let wrongParent = try await node.send(.patch, "/v1/initiatives/\(id)/offers/\(needID)", body: #"{"name": "x"}"#)
        XCTAssertEqual(wrongParent.status, .notFound, "a need is not an offer")
        let deleted = try await node.send(.delete, "/v1/initiatives/\(id)")
        XCTAssertEqual(deleted.status, .ok, deleted.body)
        XCTAssertTrue(deleted.body.contains("need/\(needID)"), "the initiative's needs are deleted with it")
        let gone = try await node.send(.get, "/v1/initiatives/\(id)", headers: [:])
        XCTAssertEqual(gone.status, .gone)
        let again = try await node.send(.patch, "/v1/initiatives/\(id)", body: #"{"phase": "plan"}"#)
        XCTAssertEqual(again.status, .gone)
        let unknown = try await node.send(.patch, "/v1/initiatives/\(UUID().uuidString.lowercased())", body: #"{"phase": "plan"}"#)
        XCTAssertEqual(unknown.status, .notFound)
        XCTAssertEqual(try node.changeSetCount(), 5, "create, patch, need, need patch, delete")
    }

    func testCredentialsAndMethods() async throws {
        let node = try EditingTestNode(allowRemote: false)
        defer { node.remove() }
        let noToken = try await node.send(.post, "/v1/initiatives", headers: [.contentType: "application/json"], body: profile + "}")
        XCTAssertEqual(noToken.status, .forbidden, "in-process requests have no loopback address")
        let put = try await node.send(.put, "/v1/initiatives/\(UUID().uuidString.lowercased())", body: "{}")
        XCTAssertEqual(put.status, .methodNotAllowed)
        XCTAssertEqual(put.headers[.allow], "GET, PATCH, DELETE")
        let pagePost = try await node.send(.post, "/gemeente/GM0718", headers: [:])
        XCTAssertEqual(pagePost.status, .methodNotAllowed)
        XCTAssertEqual(pagePost.headers[.allow], "GET")
        XCTAssertEqual(try node.changeSetCount(), 0)
    }

    func testLoopbackNeedsTheRightBearerToken() async throws {
        let editing = try EditingTestNode(allowRemote: false)
        defer { editing.remove() }
        let body = ByteBuffer(string: profile + "}")
        try await editing.node.app().test(.live) { client in
            let missing = try await client.execute(uri: "/v1/initiatives", method: .post, headers: [.contentType: "application/json"], body: body)
            XCTAssertEqual(missing.status, .unauthorized)
            XCTAssertEqual(missing.headers[.wwwAuthenticate], #"Bearer realm="maex-admin""#)
            let wrong = try await client.execute(
                uri: "/v1/initiatives", method: .post, headers: [.contentType: "application/json", .authorization: "Bearer nope"], body: body)
            XCTAssertEqual(wrong.status, .unauthorized)
            let right = try await client.execute(uri: "/v1/initiatives", method: .post, headers: EditingTestNode.bearer, body: body)
            XCTAssertEqual(right.status, .created)
        }
        XCTAssertEqual(try editing.changeSetCount(), 1)
    }
}
