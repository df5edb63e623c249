import Crypto
import Foundation
import Hummingbird
import HummingbirdTesting
import MAEXCore
import MAEXStore
import MAEXWire
import XCTest

@testable import MAEXNode

final class ServerNodeTests: XCTestCase {
    func testNodeInfoDescribesTheNode() async throws {
        let node = try ServerTestNode(name: "Gemeente Vlissingen", role: .municipality, scope: ["GM0718"])
        defer { node.remove() }
        try await node.app().test(.router) { client in
            let response = try await client.execute(uri: "/v1/node", method: .get)
            XCTAssertEqual(response.status, .ok)
            let info = try response.decoded(MAEXWire.NodeInfo.self)
            XCTAssertEqual(
                info,
                MAEXWire.NodeInfo(
                    id: node.directory.nodeID.hex, name: "Gemeente Vlissingen", role: "municipality", scope: ["GM0718"],
                    realm: ServerTestNode.realm, version: "9.9.9-test"))
        }
    }

    func testHealthIsOK() async throws {
        let node = try ServerTestNode()
        defer { node.remove() }
        try await node.app().test(.router) { client in
            let response = try await client.execute(uri: "/healthz", method: .get)
            XCTAssertEqual(response.status, .ok)
            XCTAssertEqual(try response.decoded(HealthResponse.self).status, "ok")
        }
    }

    func testDigestEqualsTheStoreAndTheReferenceReplica() async throws {
        let node = try ServerTestNode()
        defer { node.remove() }
        let author = TestAuthor()
        let changeSets = [
            author.create(initiativeID(1), initiativeFields("Repair Café Vlissingen")),
            author.create(initiativeID(2), initiativeFields("Voedselbank Tholen", municipality: "GM0716")),
        ]
        _ = try node.store.receive(changeSets, nowMilliseconds: ServerTestNode.now)
        var replica = MemoryReplica(realm: ServerTestNode.realm)
        for changeSet in changeSets { replica.receive(changeSet, nowMilliseconds: ServerTestNode.now) }
        let replicaDigest = replica.register.digest

        try await node.app().test(.router) { client in
            let answer = try await client.execute(uri: "/v1/digest", method: .get).decoded(DigestResponse.self)
            XCTAssertEqual(answer.digest, replicaDigest)
            XCTAssertEqual(answer.digest, try node.store.digest())
            XCTAssertEqual(answer.node, node.directory.nodeID.hex)
            XCTAssertNil(answer.area)
        }
    }

    /// An area digest equals the whole-state digest of a node that holds only that area's
    /// initiatives, and the digest of nothing for an area without initiatives.
    func testAreaDigestEqualsTheDigestOfANodeHoldingOnlyThatArea() async throws {
        let mixed = try ServerTestNode()
        let onlyVlissingen = try ServerTestNode()
        defer {
            mixed.remove()
            onlyVlissingen.remove()
        }
        let vlissingen = TestAuthor()
        let tholen = TestAuthor()
        let brabant = TestAuthor()
        let vlissingenSets = [
            vlissingen.create(initiativeID(3), initiativeFields("Buurtkracht Vlissingen")),
            vlissingen.create(initiativeID(1), initiativeFields("Repair Café Vlissingen")),
        ]
        let otherSets = [
            tholen.create(initiativeID(2), initiativeFields("Voedselbank Tholen", municipality: "GM0716")),
            brabant.create(initiativeID(4), initiativeFields("Moestuin Breda", municipality: "GM0758")),
        ]
        _ = try mixed.store.receive(vlissingenSets + otherSets, nowMilliseconds: ServerTestNode.now)
        _ = try onlyVlissingen.store.receive(vlissingenSets, nowMilliseconds: ServerTestNode.now)
        let expected = try onlyVlissingen.store.digest()
        let empty = SHA256.hash(data: [UInt8]()).map { String(format: "%02x", $0) }.joined()

        try await mixed.app().test(.router) { client in
            let municipality = try await client.execute(uri: "/v1/digest?area=GM0718", method: .get).decoded(DigestResponse.self)
            XCTAssertEqual(municipality, DigestResponse(node: mixed.directory.nodeID.hex, area: "GM0718", digest: expected, records: 2))
            XCTAssertNotEqual(municipality.digest, try mixed.store.digest())

            let province = try await client.execute(uri: "/v1/digest?area=PV29", method: .get).decoded(DigestResponse.self)
            XCTAssertEqual(province.records, 3, "Vlissingen and Tholen are in Zeeland, Breda is not")
            XCTAssertNotEqual(province.digest, expected)

            let nothing = try await client.execute(uri: "/v1/digest?area=GM0654", method: .get).decoded(DigestResponse.self)
            XCTAssertEqual(nothing.digest, empty)
            XCTAssertEqual(nothing.records, 0)

            let unknown = try await client.execute(uri: "/v1/digest?area=PV20", method: .get)
            XCTAssertEqual(unknown.status, .badRequest)
            XCTAssertEqual(try unknown.errorCode(), "unknown_area")
            let invalid = try await client.execute(uri: "/v1/digest?area=Zeeland", method: .get)
            XCTAssertEqual(invalid.status, .badRequest)
            XCTAssertEqual(try invalid.errorCode(), "invalid_parameter")
        }
    }

    /// The province digest equals the digest of a node holding only Zeeland's initiatives.
    func testProvinceDigestEqualsTheDigestOfANodeHoldingOnlyTheProvince() async throws {
        let mixed = try ServerTestNode()
        let onlyZeeland = try ServerTestNode()
        defer {
            mixed.remove()
            onlyZeeland.remove()
        }
        let zeeland = TestAuthor()
        let utrecht = TestAuthor()
        let zeelandSets = AreaCatalog.provinces["PV29", default: []].sorted().enumerated().map { index, code in
            zeeland.create(initiativeID(100 + index), initiativeFields("Initiatief \(code)", municipality: code))
        }
        let utrechtSet = utrecht.create(initiativeID(50), initiativeFields("Utrechts initiatief", municipality: "GM0344"))
        _ = try mixed.store.receive(zeelandSets + [utrechtSet], nowMilliseconds: ServerTestNode.now)
        _ = try onlyZeeland.store.receive(zeelandSets, nowMilliseconds: ServerTestNode.now)

        try await mixed.app().test(.router) { client in
            let province = try await client.execute(uri: "/v1/digest?area=PV29", method: .get).decoded(DigestResponse.self)
            XCTAssertEqual(province.digest, try onlyZeeland.store.digest())
            XCTAssertEqual(province.records, 13)
        }
    }
}
