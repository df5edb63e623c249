import Foundation
import Hummingbird
import HummingbirdTesting
import MAEXCore
import MAEXStore
import MAEXWire
import XCTest

@testable import MAEXNode

final class ServerSyncTests: XCTestCase {
    func testVectorListsEveryAuthorsHead() async throws {
        let node = try ServerTestNode()
        defer { node.remove() }
        let first = TestAuthor()
        let second = TestAuthor()
        let a1 = first.create(initiativeID(1), initiativeFields("Repair Café"))
        let a2 = first.set(initiativeID(1), "description", .string("Elke zaterdag"))
        let b1 = second.create(initiativeID(2), initiativeFields("Buurthuis"))
        _ = try node.store.receive([a1, a2, b1], nowMilliseconds: ServerTestNode.now)

        try await node.app().test(.router) { client in
            let answer = try await client.execute(uri: "/v1/sync/vector", method: .get).decoded(VectorResponse.self)
            XCTAssertEqual(answer.node, node.directory.nodeID.hex)
            XCTAssertEqual(
                answer.heads,
                [first.id.hex: WireHead(seq: 2, id: a2.id.hex), second.id.hex: WireHead(seq: 1, id: b1.id.hex)])
        }
    }

    func testPushStoresThenAnswersDuplicate() async throws {
        let node = try ServerTestNode()
        defer { node.remove() }
        let author = TestAuthor()
        let changeSets = [
            author.create(initiativeID(1), initiativeFields("Repair Café")),
            author.set(initiativeID(1), "description", .string("Samen repareren")),
        ]
        try await node.app().test(.router) { client in
            let first = try await client.execute(uri: "/v1/sync/push", method: .post, headers: jsonHeaders, body: try pushBody(changeSets))
            XCTAssertEqual(first.status, .ok)
            XCTAssertEqual(
                try first.decoded(PushResponse.self).results,
                changeSets.map { PushResult(id: $0.id.hex, status: .stored) })
            XCTAssertEqual(try node.store.vector()[author.id]?.seq, 2, "stored means committed to the store")
            XCTAssertEqual(try node.store.record(initiative(initiativeID(1)))?.value(of: "description"), .string("Samen repareren"))

            let again = try await client.execute(uri: "/v1/sync/push", method: .post, headers: jsonHeaders, body: try pushBody(changeSets))
            XCTAssertEqual(
                try again.decoded(PushResponse.self).results,
                changeSets.map { PushResult(id: $0.id.hex, status: .duplicate) })
        }
    }

    func testOutOfOrderPushIsPendingUntilThePredecessorArrives() async throws {
        let node = try ServerTestNode()
        defer { node.remove() }
        let author = TestAuthor()
        let first = author.create(initiativeID(1), initiativeFields("Repair Café"))
        let second = author.set(initiativeID(1), "name", .string("Repair Café Vlissingen"), pred: [first.changeSet.ref])
        try await node.app().test(.router) { client in
            let early = try await client.execute(uri: "/v1/sync/push", method: .post, headers: jsonHeaders, body: try pushBody([second]))
            XCTAssertEqual(
                try early.decoded(PushResponse.self).results,
                [PushResult(id: second.id.hex, status: .pending, missing: [WireRef(author: author.id.hex, seq: 1)])])
            XCTAssertNil(try node.store.vector()[author.id])

            let late = try await client.execute(uri: "/v1/sync/push", method: .post, headers: jsonHeaders, body: try pushBody([first]))
            XCTAssertEqual(try late.decoded(PushResponse.self).results, [PushResult(id: first.id.hex, status: .stored)])
            XCTAssertEqual(try node.store.vector()[author.id]?.seq, 2, "the pending change set was applied after its predecessor")

            let vector = try await client.execute(uri: "/v1/sync/vector", method: .get).decoded(VectorResponse.self)
            XCTAssertEqual(vector.heads[author.id.hex], WireHead(seq: 2, id: second.id.hex))
            let shown = try await client.execute(uri: "/v1/initiatives/\(initiativeID(1))", method: .get).decoded(WireInitiative.self)
            XCTAssertEqual(shown.fields["name"], WireJSON(.string("Repair Café Vlissingen")))
        }
    }

    func testTamperedChangeSetIsRejectedQuarantinedAndTheNodeStillServes() async throws {
        let node = try ServerTestNode()
        defer { node.remove() }
        let author = TestAuthor()
        let honest = author.create(initiativeID(1), initiativeFields("Repair Café"))
        let tamperedBody = String(decoding: honest.body, as: UTF8.self).replacingOccurrences(of: "Repair", with: "Rapair")
        let tampered = WireChangeSet(body: tamperedBody, sig: Base64.encode(honest.signature))
        let tamperedID = ChangeSetID(hashing: Array(tamperedBody.utf8))

        try await node.app().test(.router) { client in
            let response = try await client.execute(
                uri: "/v1/sync/push", method: .post, headers: jsonHeaders, body: try jsonBody(PushRequest(changesets: [tampered])))
            XCTAssertEqual(response.status, .ok)
            let results = try response.decoded(PushResponse.self).results
            XCTAssertEqual(results.count, 1)
            XCTAssertEqual(results.first?.id, tamperedID.hex)
            XCTAssertEqual(results.first?.status, .rejected)
            XCTAssertEqual(results.first?.reason, EnvelopeError.badSignature.description)
            XCTAssertTrue(try node.store.vector().isEmpty)

            let quarantine = try await client.execute(uri: "/v1/quarantine", method: .get).decoded(QuarantineResponse.self)
            XCTAssertEqual(quarantine.entries.map(\.id), [tamperedID.hex])
            XCTAssertEqual(quarantine.entries.first?.reason, EnvelopeError.badSignature.description)
            XCTAssertEqual(quarantine.entries.first?.size, tamperedBody.utf8.count)
            XCTAssertEqual(quarantine.entries.first?.excerpt, String(decoding: Array(tamperedBody.utf8.prefix(256)), as: UTF8.self))

            let honestPush = try await client.execute(
                uri: "/v1/sync/push", method: .post, headers: jsonHeaders, body: try pushBody([honest]))
            XCTAssertEqual(try honestPush.decoded(PushResponse.self).results, [PushResult(id: honest.id.hex, status: .stored)])
            let health = try await client.execute(uri: "/healthz", method: .get)
            XCTAssertEqual(health.status, .ok)
        }
    }

    func testForkIsAnsweredWithTheHeldIDAndShownInQuarantine() async throws {
        let node = try ServerTestNode()
        defer { node.remove() }
        let key = SigningKey()
        let original = TestAuthor(key: key)
        let twin = TestAuthor(key: key, start: 1_780_000_000_500)
        let held = original.create(initiativeID(1), initiativeFields("Repair Café"))
        let other = twin.create(initiativeID(2), initiativeFields("Ander initiatief"))
        try await node.app().test(.router) { client in
            _ = try await client.execute(uri: "/v1/sync/push", method: .post, headers: jsonHeaders, body: try pushBody([held]))
            let response = try await client.execute(uri: "/v1/sync/push", method: .post, headers: jsonHeaders, body: try pushBody([other]))
            XCTAssertEqual(
                try response.decoded(PushResponse.self).results, [PushResult(id: other.id.hex, status: .fork, existing: held.id.hex)])
            let quarantine = try await client.execute(uri: "/v1/quarantine", method: .get).decoded(QuarantineResponse.self)
            XCTAssertEqual(quarantine.forks.count, 1)
            XCTAssertEqual(quarantine.forks.first?.author, key.nodeID.hex)
            XCTAssertEqual(quarantine.forks.first?.held, WireChangeSet(held))
            XCTAssertEqual(quarantine.forks.first?.other, WireChangeSet(other))
        }
    }

    /// A pull bounded by count, then by bytes, resumed with the updated vector, returns every
    /// missing change set exactly once, per author in sequence order.
    func testPullIsBoundedAndResumesWithTheUpdatedVectorUntilComplete() async throws {
        let node = try ServerTestNode()
        defer { node.remove() }
        let authors = [TestAuthor(), TestAuthor(), TestAuthor()]
        var all: [SignedChangeSet] = []
        for (index, author) in authors.enumerated() {
            for number in 0..<(5 + index * 3) {
                all.append(author.create(initiativeID(index * 100 + number), initiativeFields("Initiatief \(index)-\(number)")))
            }
        }
        _ = try node.store.receive(all, nowMilliseconds: ServerTestNode.now)
        let heads = try node.store.vector()
        let allSets = all

        try await node.app().test(.router) { client in
            for (maxCount, maxBytes) in [(4, Int?.none), (1000, 900)] {
                var vector: [String: Int64] = [authors[1].id.hex: 2]
                var received: [SignedChangeSet] = []
                var rounds = 0
                while true {
                    rounds += 1
                    XCTAssertLessThan(rounds, 100, "the pull does not finish")
                    let request = PullRequest(vector: vector, maxCount: maxCount, maxBytes: maxBytes)
                    let answer = try await client.execute(
                        uri: "/v1/sync/pull", method: .post, headers: jsonHeaders, body: try jsonBody(request)
                    )
                    .decoded(PullResponse.self)
                    XCTAssertEqual(answer.heads, SyncController.wire(heads))
                    XCTAssertLessThanOrEqual(answer.changesets.count, maxCount)
                    if let maxBytes, answer.changesets.count > 1 {
                        let bytes = answer.changesets.reduce(0) { $0 + $1.raw.body.count + $1.raw.signature.count }
                        XCTAssertLessThanOrEqual(bytes, maxBytes)
                    }
                    for wire in answer.changesets {
                        let raw = wire.raw
                        let signed = try SignedChangeSet.open(body: raw.body, signature: raw.signature, realm: ServerTestNode.realm)
                        XCTAssertEqual(
                            signed.changeSet.seq, (vector[signed.changeSet.author.hex] ?? 0) + 1, "in sequence order, without gaps")
                        vector[signed.changeSet.author.hex] = signed.changeSet.seq
                        received.append(signed)
                    }
                    if !answer.more { break }
                    XCTAssertFalse(answer.changesets.isEmpty, "more without progress")
                }
                let expected = allSets.filter { !($0.changeSet.author == authors[1].id && $0.changeSet.seq <= 2) }
                XCTAssertEqual(Set(received.map(\.id)), Set(expected.map(\.id)))
                XCTAssertEqual(received.count, expected.count, "nothing sent twice")
                XCTAssertGreaterThan(rounds, 2, "the limits cut the answer")
            }
        }
    }

    func testPullWithAnAuthorFilterAnswersOnlyThoseAuthors() async throws {
        let node = try ServerTestNode()
        defer { node.remove() }
        let wanted = TestAuthor()
        let other = TestAuthor()
        let kept = wanted.create(initiativeID(1), initiativeFields("Gewenst"))
        _ = try node.store.receive([kept, other.create(initiativeID(2), initiativeFields("Ander"))], nowMilliseconds: ServerTestNode.now)
        try await node.app().test(.router) { client in
            let request = PullRequest(vector: [:], authors: [wanted.id.hex])
            let answer = try await client.execute(uri: "/v1/sync/pull", method: .post, headers: jsonHeaders, body: try jsonBody(request))
                .decoded(PullResponse.self)
            XCTAssertEqual(answer.changesets, [WireChangeSet(kept)])
            XCTAssertFalse(answer.more)
            XCTAssertEqual(answer.heads.count, 2)
        }
    }

    func testPullRefusesAnInvalidVectorAuthorOrLimit() async throws {
        let node = try ServerTestNode()
        defer { node.remove() }
        let valid = SigningKey().nodeID.hex
        let cases: [(String, String)] = [
            (#"{"vector":{"not-a-node":1}}"#, "invalid_vector"),
            (#"{"vector":{"\#(valid.uppercased())":1}}"#, "invalid_vector"),
            (#"{"vector":{"\#(valid)":-1}}"#, "invalid_vector"),
            (#"{"vector":{},"authors":["abc"]}"#, "invalid_author"),
            (#"{"vector":{},"maxCount":0}"#, "invalid_limit"),
            (#"{"vector":{},"maxBytes":-5}"#, "invalid_limit"),
            (#"{"vector":[]}"#, "invalid_request"),
            (#"{"vector":{"\#(valid)":"one"}}"#, "invalid_request"),
            (#"{}"#, "invalid_request"),
        ]
        try await node.app().test(.router) { client in
            for (body, code) in cases {
                let response = try await client.execute(
                    uri: "/v1/sync/pull", method: .post, headers: jsonHeaders, body: ByteBuffer(string: body))
                XCTAssertEqual(response.status, .badRequest, body)
                XCTAssertEqual(try response.errorCode(), code, body)
            }
        }
    }

    func testPushOfMoreChangeSetsThanTheLimitIsRefused() async throws {
        let node = try ServerTestNode()
        defer { node.remove() }
        let author = TestAuthor()
        let changeSets = (1...3).map { author.create(initiativeID($0), initiativeFields("Initiatief \($0)")) }
        let app = node.app(ServerTestNode.configuration { $0.maxPushCount = 2 })
        try await app.test(.router) { client in
            let response = try await client.execute(
                uri: "/v1/sync/push", method: .post, headers: jsonHeaders, body: try pushBody(changeSets))
            XCTAssertEqual(response.status, .contentTooLarge)
            XCTAssertEqual(try response.errorCode(), "too_many_changesets")
            XCTAssertTrue(try node.store.vector().isEmpty)
        }
    }
}
