import Foundation
import MAEXClient
import MAEXCore
import MAEXNode
import MAEXStore
import MAEXWire
import XCTest

/// The Zeeland tree as five processes: random offline edits on the municipalities and the hub,
/// random sync pairs (any pair, not only tree edges), then the network runs: every node ends
/// with the same log, digest, register and conflicts.
final class NetworkConvergenceTests: XCTestCase {
    private var network: TestNetwork?

    override func tearDown() {
        network?.stopAll()
        network = nil
        super.tearDown()
    }

    /// Who syncs with whom when the network runs.
    private let parents: [String: String] = ["zeeland": "national", "vlissingen": "zeeland", "tholen": "zeeland", "fund": "zeeland"]
    /// Who edits, and the municipality codes each may write.
    private let editors: [String: [String]] = ["vlissingen": ["GM0718"], "tholen": ["GM0716"], "zeeland": ["GM0718", "GM0716"]]

    func testRandomOfflineEditsAndSyncPairsConvergeOnEveryNode() async throws {
        let seed = UInt64(ProcessInfo.processInfo.environment["MAEX_TEST_SEED"] ?? "") ?? 20_260_718
        var random = NetworkRandom(seed: seed)
        let context = "seed \(seed) (rerun with MAEX_TEST_SEED=\(seed))"
        let network = try TestNetwork()
        self.network = network
        try network.addNode("national", role: .national, scope: ["NL"])
        try network.addNode("zeeland", role: .province, scope: ["PV29"])
        try network.addNode("vlissingen", role: .municipality, scope: ["GM0718"])
        try network.addNode("tholen", role: .municipality, scope: ["GM0716"])
        try network.addNode("fund", role: .fund, scope: ["impuls"])
        let names = ["national", "zeeland", "vlissingen", "tholen", "fund"]

        // A known conflict: the hub and Vlissingen set the same field without seeing each other.
        let repairCafe = RecordKey(type: "initiative", id: recordID(&random))
        try author("vlissingen").author(.create(repairCafe, ["name": .string("Repair Café"), "municipality": .string("GM0718")]))
        try await syncPair(local: "zeeland", peer: "vlissingen", context: context)
        try author("zeeland").setField("volunteers", of: repairCafe, text: "16")
        try author("vlissingen").setField("volunteers", of: repairCafe, text: "14")
        // The root's four certificates (hub, two municipalities, fund) are change sets too.
        var edits = 3 + 4
        var created: Set<String> = [repairCafe.id]
        var deleted = Set<String>()
        for _ in 0..<4 {
            for editor in editors.keys.sorted() {
                let count = Int.random(in: 2...5, using: &random)
                for _ in 0..<count {
                    let change = try edit(on: editor, &random, sparing: repairCafe)
                    edits += 1
                    switch change {
                    case .created(let id): created.insert(id)
                    case .deleted(let id): deleted.insert(id)
                    case .updated: break
                    }
                }
            }
            for _ in 0..<5 {
                let pair = names.shuffled(using: &random).prefix(2)
                try await syncPair(local: pair.first ?? "", peer: pair.last ?? "", context: context)
            }
        }

        for name in names {
            var arguments = ["--sync-interval", "0.2"]
            if let parent = parents[name] { arguments += ["--peer", network[parent].url] }
            try await network[name].start(arguments)
        }
        let nodes = names.map { network[$0] }
        try await TestNetwork.wait(timeout: .seconds(90), "all five nodes to hold the same change sets; \(context)") {
            var vectors: [[String: Int64]] = []
            for node in nodes { vectors.append(try await TestNetwork.vector(of: node)) }
            return Set(vectors).count == 1 && vectors[0].values.reduce(0, +) == Int64(edits)
        }

        var digests: [String] = []
        var registers: [[WireInitiative]] = []
        var conflicts: [[WireConflict]] = []
        for node in nodes {
            let client = try node.client()
            digests.append(try await client.digest().value.digest)
            registers.append(try await TestNetwork.register(of: node))
            conflicts.append(try await client.conflicts().value.conflicts)
        }
        XCTAssertEqual(Set(digests).count, 1, "one digest on every node: \(digests); \(context)")
        for (index, register) in registers.enumerated() {
            XCTAssertEqual(register, registers[0], "\(names[index])'s register equals national's; \(context)")
            XCTAssertEqual(conflicts[index], conflicts[0], "\(names[index])'s conflicts equal national's; \(context)")
        }
        XCTAssertEqual(Set(registers[0].map(\.id)), created.subtracting(deleted), "exactly the live initiatives; \(context)")
        do {
            let known = conflicts[0].first { $0.id == repairCafe.id && $0.field == "volunteers" }
            let values = ([known?.winner] + (known?.losers ?? [])).compactMap { $0?.value.value }
            XCTAssertTrue(values.contains(.int(14)) && values.contains(.int(16)), "both concurrent values kept: \(values); \(context)")
        }
        XCTAssertGreaterThan(registers[0].count, 5, "the run made a real register; \(context)")

        network.stopAll(removeFiles: false)
        for name in names {
            let (_, store) = try network.open(name)
            XCTAssertEqual(try store.changeSetCount(), edits, "\(name) holds every change set once; \(context)")
            XCTAssertEqual(try store.pendingCount(), 0, "\(name) has nothing pending; \(context)")
            XCTAssertEqual(try store.digest(), digests[0], "\(name)'s stored digest; \(context)")
        }
    }

    private enum Change {
        case created(String)
        case updated
        case deleted(String)
    }

    /// An author on a stopped node's folder.
    private func author(_ name: String) throws -> LocalAuthor {
        guard let network else { throw NetworkTestError.timedOut("no network") }
        let (directory, store) = try network.open(name)
        return directory.makeAuthor(store: store, logger: TestNetwork.logger)
    }

    /// A record id drawn from the seeded generator, so a seed replays the same choices.
    private func recordID(_ random: inout NetworkRandom) -> String {
        let hex = (0..<2).map { _ in String(format: "%016llx", random.next()) }.joined()
        let chars = Array(hex)
        return "\(String(chars[0..<8]))-\(String(chars[8..<12]))-4\(String(chars[13..<16]))-8\(String(chars[17..<20]))-\(String(chars[20..<32]))"
    }

    /// One random edit on a stopped node's folder: add, update (often a field others also
    /// edit) or, rarely, delete; the record of the known conflict is spared.
    private func edit(on name: String, _ random: inout NetworkRandom, sparing spared: RecordKey) throws -> Change {
        guard let network else { throw NetworkTestError.timedOut("no network") }
        let (directory, store) = try network.open(name)
        let author = directory.makeAuthor(store: store, logger: TestNetwork.logger)
        let codes = editors[name] ?? []
        let editable = try codes.flatMap { try store.records(type: "initiative", municipality: $0) }.filter { $0.key != spared }
        let roll = Int.random(in: 0..<100, using: &random)
        if editable.isEmpty || roll < 35 {
            let code = codes.randomElement(using: &random) ?? "GM0718"
            let number = Int.random(in: 1...9999, using: &random)
            let change = try author.author(.create(RecordKey(type: "initiative", id: recordID(&random)), [
                "name": .string("Buurtinitiatief \(number)"), "municipality": .string(code),
                "sdgs": .array([.int(Int64(number % 17 + 1))]),
            ]))
            return .created(change.record.id)
        }
        let target = editable[Int.random(in: 0..<editable.count, using: &random)].key
        if roll < 40 {
            try author.delete(target)
            return .deleted(target.id)
        }
        let field = ["volunteers", "phase", "description"].randomElement(using: &random) ?? "volunteers"
        let text = switch field {
        case "volunteers": "\(Int.random(in: 0...80, using: &random))"
        case "phase": ["plan", "start", "groei", "volwassen"].randomElement(using: &random) ?? "start"
        default: "Beschrijving \(Int.random(in: 0...99, using: &random)) door \(name)"
        }
        try author.setField(field, of: target, text: text)
        return .updated
    }

    /// One sync round of `local` (not served) with `peer` (served for the occasion).
    private func syncPair(local: String, peer: String, context: String) async throws {
        guard let network else { return }
        let served = network[peer]
        try await served.start(["--sync-interval", "3600"])
        defer { served.stop() }
        let result = try CLI.run(["sync", "--data", network[local].folder.path, "--peer", served.url])
        XCTAssertEqual(result.status, 0, "sync \(local) with \(peer): \(result.stderr); \(context)")
    }
}
