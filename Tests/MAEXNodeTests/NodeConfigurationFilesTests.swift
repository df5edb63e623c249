import Foundation
import MAEXClient
import MAEXNode
import XCTest

/// The example network in `nodes/` and its container form in `docker/compose.yaml`.
final class NodeConfigurationFilesTests: XCTestCase {
    private static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// Every node of the Zeeland network and the node it syncs with (the tree's parent).
    private let tree: [String: String?] = [
        "national": nil, "zeeland": "national", "vlissingen": "zeeland", "tholen": "zeeland", "fund": "zeeland",
    ]

    private func loadAll() throws -> [String: NodeConfiguration] {
        let folder = Self.packageRoot.appendingPathComponent("nodes")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".toml") }.sorted()
        XCTAssertEqual(Set(files), Set(tree.keys.map { "\($0).toml" }), "nodes/ holds exactly the five Zeeland nodes")
        var result: [String: NodeConfiguration] = [:]
        for file in files {
            result[String(file.dropLast(5))] = try NodeConfiguration(tomlFile: folder.appendingPathComponent(file).path)
        }
        return result
    }

    func testEveryConfigurationParsesAndDescribesItsNode() throws {
        let nodes = try loadAll()
        XCTAssertEqual(nodes["national"]?.role, .national)
        XCTAssertEqual(nodes["national"]?.scope, ["NL"])
        XCTAssertEqual(nodes["zeeland"]?.role, .province)
        XCTAssertEqual(nodes["zeeland"]?.scope, ["PV29"])
        XCTAssertEqual(nodes["vlissingen"]?.scope, ["GM0718"])
        XCTAssertEqual(nodes["tholen"]?.scope, ["GM0716"])
        XCTAssertEqual(nodes["fund"]?.role, .fund)
        XCTAssertEqual(Set(nodes.values.map(\.realm)), ["maex-nl"], "one network")
        XCTAssertEqual(Set(nodes.values.map(\.listen.port)).count, 5, "every node has its own port")
        XCTAssertEqual(Set(nodes.values.map(\.dataPath)).count, 5, "every node has its own data folder")
        XCTAssertEqual(Set(nodes.values.map(\.name)).count, 5)
        for (name, node) in nodes {
            XCTAssertEqual(node.listen.host, "127.0.0.1", "\(name) listens on loopback only")
        }
    }

    func testPeersFormTheZeelandTree() throws {
        let nodes = try loadAll()
        let byPort = Dictionary(uniqueKeysWithValues: nodes.map { ($0.value.listen.port, $0.key) })
        for (name, parent) in tree {
            let node = try XCTUnwrap(nodes[name])
            let peerNames = node.peers.map { peer in peer.port.flatMap { byPort[$0] } ?? "unknown \(peer)" }
            XCTAssertEqual(peerNames, parent.map { [$0] } ?? [], "\(name) syncs with its parent only")
            for peer in node.peers { XCTAssertEqual(peer.host, "127.0.0.1") }
        }
        // Every node reaches the national node by following parents, so the tree is connected.
        for name in tree.keys {
            var current: String? = name
            var hops = 0
            while let node = current, node != "national", hops < 5 { current = tree[node] ?? nil; hops += 1 }
            XCTAssertEqual(current, "national", "\(name) is connected to the national node")
        }
    }

    func testComposeRunsEveryConfigurationWithTheSameTopology() throws {
        let nodes = try loadAll()
        let byPort = Dictionary(uniqueKeysWithValues: nodes.map { ($0.value.listen.port, $0.key) })
        let services = try composeServices()
        XCTAssertEqual(Set(services.keys), Set(tree.keys), "one compose service per node configuration")
        for (name, block) in services {
            XCTAssertTrue(block.contains("../nodes/\(name).toml:/etc/maex/node.toml"), "\(name) mounts nodes/\(name).toml")
            XCTAssertTrue(block.contains("\"--config\", \"/etc/maex/node.toml\""), "\(name) serves from its configuration")
            let configured = try XCTUnwrap(nodes[name]).peers.compactMap { $0.port.flatMap { byPort[$0] } }
            XCTAssertEqual(Self.matches(of: #"http://([a-z]+):8080/"#, in: block), configured, "\(name)'s peers in compose")
            let port = try XCTUnwrap(nodes[name]).listen.port
            XCTAssertTrue(block.contains("127.0.0.1:\(port):8080"), "\(name) is published on the port of its configuration")
        }
    }

    func testDockerfileIsMultiStageWithANonRootUserAndAHealthcheck() throws {
        let text = try String(contentsOf: Self.packageRoot.appendingPathComponent("docker/Dockerfile"), encoding: .utf8)
        XCTAssertEqual(text.components(separatedBy: "\nFROM ").count - 1, 2, "a build stage and a run stage")
        XCTAssertTrue(text.contains("FROM debian:bookworm-slim"))
        XCTAssertTrue(text.contains("libcurl4") && text.contains("libsqlite3-0"))
        XCTAssertTrue(text.contains("\nUSER maex\n"))
        XCTAssertTrue(text.contains("HEALTHCHECK") && text.contains("/healthz"))
    }

    /// The text of each service block under `services:` in the compose file.
    private func composeServices() throws -> [String: String] {
        let text = try String(contentsOf: Self.packageRoot.appendingPathComponent("docker/compose.yaml"), encoding: .utf8)
        var services: [String: String] = [:]
        var current: String?
        var inServices = false
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if !line.hasPrefix(" "), !line.isEmpty, !line.hasPrefix("#") {
                inServices = line == "services:"
                current = nil
                continue
            }
            guard inServices else { continue }
            if line.hasPrefix("  "), !line.hasPrefix("   "), line.hasSuffix(":") {
                current = String(line.dropFirst(2).dropLast())
                services[current ?? ""] = ""
            } else if let current {
                services[current, default: ""] += line + "\n"
            }
        }
        return services
    }

    private static func matches(of pattern: String, in text: String) -> [String] {
        guard let regex = try? NSRegularExpression(pattern: pattern) else { return [] }
        return regex.matches(in: text, range: NSRange(text.startIndex..., in: text)).compactMap { match in
            Range(match.range(at: 1), in: text).map { String(text[$0]) }
        }
    }
}
