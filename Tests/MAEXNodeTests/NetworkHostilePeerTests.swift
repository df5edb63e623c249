import Foundation
import MAEXCore
import MAEXNode
import MAEXWire
import XCTest

/// `maex-node sync` (the real binary) against a fake peer that answers the pull with garbage,
/// an endless body, change sets with wrong signatures, a huge heads map, a
/// redirect to another host or a gzip bomb: a clear error within the command's time limits
/// (or, for answers that are well-formed, nothing taken), and the local store unchanged:
/// digest and log the same.
final class NetworkHostilePeerTests: XCTestCase {
    private var node: CLINode?
    private var peers: [HostilePeer] = []

    override func tearDown() {
        for peer in peers { peer.stop() }
        peers = []
        node?.remove()
        node = nil
        super.tearDown()
    }

    /// A node holding one initiative of its own.
    private func laptop() throws -> CLINode {
        let node = CLINode.temporary()
        self.node = node
        try node.initialize()
        _ = try node.add("Repair Café Vlissingen")
        return node
    }

    private func peer(_ behaviour: HostilePeer.Behaviour) throws -> HostilePeer {
        let peer = try HostilePeer(behaviour)
        peers.append(peer)
        return peer
    }

    /// Runs `sync` against `peer` and checks the store did not change; returns the result and
    /// how long the command ran.
    private func sync(
        _ node: CLINode, with peer: HostilePeer, timeout: TimeInterval = 120, file: StaticString = #filePath, line: UInt = #line
    ) throws -> (result: CLIResult, seconds: Double) {
        let before = try node.state()
        let started = Date()
        let result = try CLI.run(["sync", "--quiet", "--data", node.folder.path, "--peer", peer.url], timeout: timeout)
        let seconds = Date().timeIntervalSince(started)
        XCTAssertEqual(try node.state(), before, "digest and log unchanged", file: file, line: line)
        XCTAssertGreaterThan(peer.requests, 0, "the peer was asked", file: file, line: line)
        return (result, seconds)
    }

    private func assertFailedClearly(
        _ run: (result: CLIResult, seconds: Double), peer: HostilePeer, mentions: String, within limit: Double,
        file: StaticString = #filePath, line: UInt = #line
    ) {
        XCTAssertEqual(run.result.status, 1, run.result.stderr, file: file, line: line)
        XCTAssertTrue(
            run.result.stderr.contains("maex-node: error: sync with \(peer.url) failed"), run.result.stderr, file: file, line: line)
        XCTAssertTrue(
            run.result.stderr.lowercased().contains(mentions), "stderr should mention \(mentions): \(run.result.stderr)", file: file,
            line: line)
        XCTAssertLessThan(run.seconds, limit, "failed within \(limit) s", file: file, line: line)
    }

    func testGarbageAndWrongShapesAreClearErrors() throws {
        let node = try laptop()
        let garbage = try peer(.answer(Array("{\"heads\": [1, 2, <<<not json".utf8)))
        assertFailedClearly(try sync(node, with: garbage), peer: garbage, mentions: "json", within: 30)
        let wrongShape = try peer(.answer(Array(#"{"heads":{},"changesets":"many","more":false}"#.utf8)))
        assertFailedClearly(try sync(node, with: wrongShape), peer: wrongShape, mentions: "changesets", within: 30)
    }

    func testEndlessBodyIsCutAtTheResponseCap() throws {
        let node = try laptop()
        let endless = try peer(.endless)
        assertFailedClearly(try sync(node, with: endless), peer: endless, mentions: "exceeded 64 mib", within: 60)
    }

    func testGzipBombIsCutAtTheResponseCap() throws {
        let node = try laptop()
        // 256 MiB of spaces in about 250 KB: the decoded size counts against the 64 MiB cap.
        let bomb = try runFilter(["sh", "-c", "head -c 268435456 /dev/zero | tr '\\0' ' ' | gzip -c -9"], input: [])
        XCTAssertLessThan(bomb.count, 1 << 20)
        let peer = try peer(.answer(bomb, headers: ["Content-Encoding: gzip"]))
        assertFailedClearly(try sync(node, with: peer), peer: peer, mentions: "exceeded 64 mib", within: 60)
    }

    func testRedirectToAnotherHostIsNotFollowed() throws {
        let node = try laptop()
        let target = try peer(.answer(Array(#"{"heads":{},"changesets":[],"more":false}"#.utf8)))
        let redirect = try peer(.redirect("http://localhost:\(target.port)/v1/sync/pull"))
        assertFailedClearly(try sync(node, with: redirect), peer: redirect, mentions: "307", within: 30)
        XCTAssertEqual(target.requests, 0, "the redirect was not followed")
    }

    func testWrongSignaturesAreRefusedAndNothingIsTaken() throws {
        let node = try laptop()
        let key = SigningKey()
        func changeSet(_ seq: Int64, prev: ChangeSetID?) -> SignedChangeSet {
            let record = RecordKey(type: "initiative", id: UUID().uuidString.lowercased())
            return ChangeSet(
                realm: "maex-test", author: key.nodeID, seq: seq, prev: prev,
                hlc: HLCTimestamp(milliseconds: LocalAuthor.systemMilliseconds() - 60_000 + seq, counter: 0),
                ops: [
                    .set(SetOperation(record: record, field: "municipality", value: .string("GM0718"))),
                    .set(SetOperation(record: record, field: "name", value: .string("Vervalst \(seq)"))),
                ]
            ).signed(with: key)
        }
        let first = changeSet(1, prev: nil)
        let second = changeSet(2, prev: first.id)
        // Each body carries the other's signature.
        let forged = [
            WireChangeSet(body: WireChangeSet(first).body, sig: WireChangeSet(second).sig),
            WireChangeSet(body: WireChangeSet(second).body, sig: WireChangeSet(first).sig),
        ]
        let answer = PullResponse(heads: [key.nodeID.hex: WireHead(seq: 2, id: second.id.hex)], changesets: forged, more: false)
        let peer = try peer(.answer(Array(try JSONEncoder().encode(answer))))
        let run = try sync(node, with: peer)
        XCTAssertLessThan(run.seconds, 30)
        let refusals = run.result.errorLines.filter { $0.contains("signature does not verify") && $0.contains("change set refused") }
        XCTAssertEqual(Set(refusals.map { $0.components(separatedBy: "change.id=").last?.prefix(64) ?? "" }).count, 2,
                       "both forgeries refused: \(run.result.stderr)")
        // The fake peer answers the push that follows with a pull answer: a clear error too.
        XCTAssertEqual(run.result.status, 1, run.result.stderr)
        XCTAssertTrue(run.result.stderr.contains("unreadable answer to POST /v1/sync/push"), run.result.stderr)
    }

    func testHugeHeadsMapNearInt64MaxIsHandledWithinTheLimits() throws {
        let node = try laptop()
        var heads: [String: WireHead] = [:]
        for _ in 0..<50_000 {
            let author = (UUID().uuidString + UUID().uuidString).replacingOccurrences(of: "-", with: "").lowercased()
            heads[author] = WireHead(seq: Int64.max / 2, id: String(repeating: "ab", count: 32))
        }
        let body = try JSONEncoder().encode(PullResponse(heads: heads, changesets: [], more: false))
        XCTAssertGreaterThan(body.count, 5 << 20)
        let peer = try peer(.answer(Array(body)))
        let run = try sync(node, with: peer)
        XCTAssertLessThan(run.seconds, 60, run.result.stderr)
        // Sequences near Int64.max once crashed the round (arithmetic overflow counting them).
        XCTAssertFalse(run.result.stderr.contains("Swift runtime failure"), String(run.result.stderr.prefix(2000)))
        // The fake peer answers the push that follows with a pull answer: a clear error.
        XCTAssertEqual(run.result.status, 1, String(run.result.stderr.suffix(2000)))
        XCTAssertTrue(run.result.stderr.contains("maex-node: error: sync with \(peer.url) failed"), String(run.result.stderr.suffix(2000)))
    }
}
