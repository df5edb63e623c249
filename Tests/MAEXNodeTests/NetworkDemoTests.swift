import Foundation
import MAEXClient
import XCTest

#if canImport(Glibc)
import Glibc
#endif

/// `maex-node demo --once`: the five-node show runs to the end, every node reaches the same
/// digest, the conflict is shown, and no node process is left behind.
final class NetworkDemoTests: XCTestCase {
    private var folder: URL?

    override func tearDown() {
        if let folder { try? FileManager.default.removeItem(at: folder) }
        super.tearDown()
    }

    func testDemoConvergesShowsTheConflictAndStopsEveryNode() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("maex-demo-\(UUID().uuidString)")
        self.folder = folder
        let base = try Self.freePortRange(count: 5)
        let result = try CLI.run(["demo", "--once", "--base-port", "\(base)", "--data", folder.path, "--sync-interval", "0.3"], timeout: 180)
        XCTAssertEqual(result.status, 0, result.stderr + result.stdout)
        let output = result.stdout

        let digestLines = output.split(separator: "\n").filter { line in
            line.split(separator: " ").last.map { $0.count == 64 && $0.allSatisfy(\.isHexDigit) } ?? false
        }
        XCTAssertEqual(digestLines.count, 5, "one digest line per node:\n\(output)")
        XCTAssertEqual(Set(digestLines.compactMap { $0.split(separator: " ").last }).count, 1, "every node has the same digest")
        for name in ["MAEX Nederland", "Provincie Zeeland", "Gemeente Vlissingen", "Gemeente Tholen", "Stichting Impulsfonds Zeeland"] {
            XCTAssertTrue(digestLines.contains { $0.contains(name) }, "\(name) reports its digest")
        }
        XCTAssertTrue(output.contains("getoond (winner): 16 door Provincie Zeeland") || output.contains("getoond (winner): 14 door Gemeente Vlissingen"),
                      "the winning value and its author:\n\(output)")
        XCTAssertTrue(output.contains("ook bewaard (kept): 14 door Gemeente Vlissingen") || output.contains("ook bewaard (kept): 16 door Provincie Zeeland"),
                      "the losing value and its author:\n\(output)")
        for port in base..<(base + 5) {
            XCTAssertTrue(output.contains("http://127.0.0.1:\(port)/"), "the URL of the node on port \(port) is printed")
            let client = try PeerClient(url: "http://127.0.0.1:\(port)/", configuration: TestNetwork.quickTransport, logger: TestNetwork.logger)
            let stillUp = (try? await client.health()) != nil
            XCTAssertFalse(stillUp, "the node on port \(port) was stopped with the demo")
        }
        XCTAssertTrue(output.contains("Repair Café Vlissingen") && output.contains("Energiecoöperatie Tholen"), "the example initiatives")
        XCTAssertTrue(output.contains("geweigerd (refused): het budget is op: EUR 2.000,00 gevraagd, nog EUR 1.500,00 beschikbaar"), output)
        XCTAssertEqual(output.components(separatedBy: "over: EUR 1.500,00; besluiten: afgewezen, toegekend;").count - 1, 5,
                       "every node shows the same Impuls decisions:\n\(output)")
    }

    /// The first of `count` consecutive free ports on 127.0.0.1.
    static func freePortRange(count: Int) throws -> Int {
        for _ in 0..<50 {
            let base = Int.random(in: 20_000...60_000)
            if (base..<(base + count)).allSatisfy(isFree) { return base }
        }
        throw NetworkTestError.noFreePort(0)
    }

    private static func isFree(_ port: Int) -> Bool {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = UInt16(port).bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        return withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0 }
        }
    }
}
