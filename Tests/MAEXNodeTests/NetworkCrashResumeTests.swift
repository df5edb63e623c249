import Foundation
import MAEXClient
import MAEXCore
import MAEXNode
import MAEXStore
import MAEXWire
import XCTest

/// A receiving node killed with SIGKILL in the middle of pulling every change set resumes
/// where its last committed batch ended: nothing lost, nothing applied twice.
final class NetworkCrashResumeTests: XCTestCase {
    private var network: TestNetwork?

    override func tearDown() {
        network?.stopAll()
        network = nil
        super.tearDown()
    }

    func testKilledReceiverResumesAndAppliesNothingTwice() async throws {
        let template = try BulkTemplate.tenThousand()
        let network = try TestNetwork(root: template.root)
        self.network = network
        let source = try network.addNode("zeeland", role: .province, scope: ["PV29"])
        let receiver = try network.addNode("national", role: .national, scope: ["NL"])
        try BulkTemplate.install(template, into: source.folder)
        try network.enroll(source.folder)
        try await source.start()
        let total = try await TestNetwork.vector(of: source).values.reduce(0, +)
        XCTAssertGreaterThan(total, 10_000, "the source serves the template and the certificates")

        // Small batches, so the transfer is still running when the receiver is killed.
        try await receiver.start(["--peer", source.url, "--sync-interval", "0.2", "--pull-count", "100"])
        var seenWhileRunning: Int64 = 0
        try await TestNetwork.wait(timeout: .seconds(120), "the receiver to be part-way", every: .milliseconds(10)) {
            seenWhileRunning = try await TestNetwork.vector(of: receiver).values.reduce(0, +)
            return seenWhileRunning >= 1000
        }
        receiver.kill9()
        XCTAssertLessThan(seenWhileRunning, total, "killed in the middle of the transfer")

        let durable: Int
        do {
            let (_, store) = try network.open("national")
            durable = try store.changeSetCount()
            XCTAssertEqual(Int64(durable), try store.vector().values.reduce(0) { $0 + $1.seq }, "the log is gapless")
            XCTAssertGreaterThanOrEqual(Int64(durable), seenWhileRunning, "what the node reported is durable")
            XCTAssertLessThan(Int64(durable), total, "the kill interrupted the pull")
        }

        try await receiver.start(["--peer", source.url, "--sync-interval", "0.2"])
        try await TestNetwork.wait(timeout: .seconds(150), "the receiver to hold all every change set") {
            try await TestNetwork.vector(of: receiver).values.reduce(0, +) == total
        }
        let sourceDigest = try await source.client().digest().value.digest
        let receiverDigest = try await receiver.client().digest().value.digest
        XCTAssertEqual(receiverDigest, sourceDigest)
        receiver.stop()

        let (_, store) = try network.open("national")
        XCTAssertEqual(Int64(try store.changeSetCount()), total, "the log holds each change set once")
        XCTAssertEqual(try store.pendingCount(), 0)
        XCTAssertEqual(try store.verify(), [], "the receiver's log and register check out")
        XCTAssertEqual(try store.digest(), sourceDigest)
    }
}
