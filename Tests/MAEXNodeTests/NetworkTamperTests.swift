import Foundation
import MAEXClient
import MAEXCore
import MAEXNode
import MAEXStore
import MAEXWire
import XCTest

/// A hub that alters a municipality's change set before relaying it cannot fool the national
/// node: the signature covers the exact bytes.
final class NetworkTamperTests: XCTestCase {
    private var network: TestNetwork?

    override func tearDown() {
        network?.stopAll()
        network = nil
        super.tearDown()
    }

    func testChangeSetTamperedAtTheHubIsRejectedByTheNationalNode() async throws {
        let network = try TestNetwork()
        self.network = network
        let national = try network.addNode("national", role: .national, scope: ["NL"])
        let hub = try network.addNode("zeeland", role: .province, scope: ["PV29"])
        let town = try network.addNode("vlissingen", role: .municipality, scope: ["GM0718"])
        let townID: NodeID
        do {
            let (directory, store) = try network.open("vlissingen")
            townID = directory.nodeID
            let author = directory.makeAuthor(store: store, logger: TestNetwork.logger)
            for name in ["Repair Café Vlissingen", "Voedselbank Vlissingen", "Taalcafé De Kade"] {
                try author.addInitiative(["name": .string(name), "municipality": .string("GM0718")])
            }
        }
        try await national.start()
        try await hub.start(["--peer", national.url, "--sync-interval", "0.2"])
        let sync = try CLI.run(["sync", "--data", town.folder.path, "--peer", hub.url])
        XCTAssertEqual(sync.status, 0, sync.stderr)
        try await TestNetwork.wait(timeout: .seconds(30), "the hub to relay Vlissingen's change sets to the national node") {
            try await TestNetwork.vector(of: national)[townID.hex] == 3
        }
        let before = try await national.client().digest().value.digest

        // The hub's copy of Vlissingen's first change set, altered: another name, same signature.
        let pulled = try await hub.client().pull(PullRequest(vector: [:], authors: [townID.hex])).value
        let original = try XCTUnwrap(pulled.changesets.first)
        XCTAssertTrue(original.body.contains("Repair Café Vlissingen"))
        let tampered = WireChangeSet(body: original.body.replacingOccurrences(of: "Repair Café", with: "Reclame BV"), sig: original.sig)
        XCTAssertNotEqual(tampered.body, original.body)

        let answer = try await national.client().push([tampered]).value
        let result = try XCTUnwrap(answer.results.first)
        XCTAssertEqual(result.status, .rejected)
        XCTAssertEqual(result.id, ChangeSetID(hashing: Array(tampered.body.utf8)).hex)
        let reason = try XCTUnwrap(result.reason)
        XCTAssertTrue(reason.lowercased().contains("signature"), "the reason names the signature: \(reason)")

        let after = try await national.client().digest().value.digest
        XCTAssertEqual(after, before, "the national register is unchanged")
        let register = try await TestNetwork.register(of: national)
        XCTAssertEqual(Set(register.compactMap { $0.fields["name"]?.value.stringValue }),
                       ["Repair Café Vlissingen", "Voedselbank Vlissingen", "Taalcafé De Kade"])
        let quarantine = try await national.client().get("/v1/quarantine", as: QuarantineResponse.self).value
        XCTAssertTrue(quarantine.entries.contains { $0.id == result.id }, "kept in quarantine with its reason")

        // The untouched bytes are still accepted as what the national node already holds.
        let genuine = try await national.client().push([original]).value
        XCTAssertEqual(genuine.results.first?.status, .duplicate)
    }
}
