import Foundation
import XCTest

/// A node in a network namespace made by the test (ip netns, a veth pair): `maex-node sync`
/// from the host works through delay, loss and reordering (tc netem, where the kernel has it;
/// otherwise that part is skipped with a printed notice), fails clearly while the link is cut,
/// and converges once it heals. Where namespaces cannot be made (no privileges, no iproute2)
/// the test says so and skips, visibly.
final class NetworkNamespaceTests: XCTestCase {
    private let suffix = String(UUID().uuidString.prefix(6)).lowercased()
    private var namespace: String { "maex-\(suffix)" }
    private var hostSide: String { "mxh\(suffix)" }
    private var served: Process?
    private var node: CLINode?

    override func tearDown() {
        if let served, served.isRunning {
            served.terminate()
            served.waitUntilExit()
        }
        _ = try? Self.ip(["link", "del", hostSide])
        _ = try? Self.ip(["netns", "del", namespace])
        node?.remove()
        super.tearDown()
    }

    @discardableResult
    private static func ip(_ arguments: [String], tool: String = "/usr/sbin/ip") throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus
    }

    /// Makes the namespace and the link 10.201.77.1 (host) - 10.201.77.2 (namespace).
    private func makeLink() throws {
        let inside = "mxn\(suffix)"
        let steps: [[String]] = [
            ["netns", "add", namespace],
            ["link", "add", hostSide, "type", "veth", "peer", "name", inside],
            ["link", "set", inside, "netns", namespace],
            ["addr", "add", "10.201.77.1/24", "dev", hostSide],
            ["link", "set", hostSide, "up"],
            ["netns", "exec", namespace, "ip", "addr", "add", "10.201.77.2/24", "dev", inside],
            ["netns", "exec", namespace, "ip", "link", "set", inside, "up"],
            ["netns", "exec", namespace, "ip", "link", "set", "lo", "up"],
        ]
        guard FileManager.default.isExecutableFile(atPath: "/usr/sbin/ip"), FileManager.default.isExecutableFile(atPath: "/usr/sbin/tc")
        else { throw XCTSkip("NETWORK NAMESPACE PART SKIPPED: iproute2 (ip, tc) is not installed") }
        for step in steps where try Self.ip(step) != 0 {
            throw XCTSkip("NETWORK NAMESPACE PART SKIPPED: `ip \(step.joined(separator: " "))` failed (needs root / CAP_NET_ADMIN)")
        }
    }

    private func sync(_ laptop: CLINode, _ url: String) throws -> CLIResult {
        try CLI.run(["sync", "--quiet", "--data", laptop.folder.path, "--peer", url], timeout: 200)
    }

    func testSyncThroughACutLinkConvergesOnceItHeals() async throws {
        let laptop = CLINode.temporary()
        node = laptop
        try laptop.initialize()
        _ = try laptop.add("Repair Café Vlissingen")
        try makeLink()
        let port = try FreePort.next()
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/sbin/ip")
        process.arguments = ["netns", "exec", namespace, try CLI.executable().path, "serve", "--exit-with-parent", "--data",
                             laptop.rootFolder.path, "--listen", "10.201.77.2:\(port)"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        served = process
        let url = "http://10.201.77.2:\(port)/"
        try await TestNetwork.wait(timeout: .seconds(30), "the node in the namespace to serve") {
            guard process.isRunning else { throw NetworkTestError.died("namespace node", "") }
            let probe = try CLI.run(["sync", "--quiet", "--data", laptop.folder.path, "--peer", url], timeout: 60)
            return probe.status == 0
        }

        // Delay, loss and reordering need the kernel's netem qdisc, which not every kernel has.
        if try Self.ip(["qdisc", "replace", "dev", hostSide, "root", "netem", "delay", "80ms", "20ms", "loss", "10%", "reorder", "25%", "50%"],
                       tool: "/usr/sbin/tc") == 0 {
            _ = try laptop.add("Buurtmoestuin")
            let lossy = try sync(laptop, url)
            XCTAssertEqual(lossy.status, 0, "sync through delay, 10% loss and reordering: \(lossy.stderr)")
            XCTAssertTrue(lossy.stdout.contains("pushed 1 (stored 1"), lossy.stdout)
            XCTAssertEqual(try Self.ip(["qdisc", "del", "dev", hostSide, "root"], tool: "/usr/sbin/tc"), 0)
        } else {
            print("NETEM PART SKIPPED: tc qdisc netem is not available in this kernel (no delay, loss or reordering tested)")
        }

        // The cut: the namespace's end of the link goes down, packets vanish without an answer.
        let inside = "mxn\(suffix)"
        XCTAssertEqual(try Self.ip(["netns", "exec", namespace, "ip", "link", "set", inside, "down"]), 0)
        _ = try laptop.add("Voedselbank")
        let started = Date()
        let cut = try sync(laptop, url)
        let cutSeconds = Date().timeIntervalSince(started)
        XCTAssertEqual(cut.status, 1, "a cut link fails the sync")
        XCTAssertTrue(cut.stderr.contains("sync with \(url) failed"), cut.stderr)
        XCTAssertLessThan(cutSeconds, 190)
        print("cut link: sync failed after \(Int(cutSeconds)) s: \(cut.stderr.suffix(300))")

        XCTAssertEqual(try Self.ip(["netns", "exec", namespace, "ip", "link", "set", inside, "up"]), 0)
        var healed = try sync(laptop, url)
        for _ in 0..<5 where healed.status != 0 {
            try await Task.sleep(for: .seconds(1))
            healed = try sync(laptop, url)
        }
        XCTAssertEqual(healed.status, 0, healed.stderr)
        XCTAssertTrue(healed.stdout.contains("pushed 1 (stored 1"), "the change set made during the cut arrives: \(healed.stdout)")
        process.terminate()
        process.waitUntilExit()
        let rootDigest = try CLI.run(["digest", "--data", laptop.rootFolder.path]).stdout
        XCTAssertEqual(rootDigest, try laptop.run("digest").stdout, "converged")
    }
}
