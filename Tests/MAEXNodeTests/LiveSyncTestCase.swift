import Foundation
import Logging
import MAEXClient
import MAEXCore
import MAEXStore
import XCTest

@testable import MAEXNode

/// Shared set-up for tests of `SyncRound` against a live in-process peer: temporary stores and
/// peers removed in `tearDown`, a quiet logger, and a round over libcurl without retries.
class LiveSyncTestCase: XCTestCase {
    var cleanup: [() -> Void] = []

    override func tearDown() {
        for step in cleanup.reversed() { step() }
        cleanup = []
        super.tearDown()
    }

    static let logger: Logger = {
        var logger = Logger(label: "test.sync")
        logger.logLevel = .critical
        return logger
    }()

    /// A local store in a fresh folder (of the test realm unless told otherwise).
    func localStore(realm: String = ServerTestNode.realm) throws -> NodeStore {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("maex-sync-\(UUID().uuidString)")
        cleanup.append { try? FileManager.default.removeItem(at: folder) }
        return try NodeStore(path: folder.appendingPathComponent("maex.sqlite").path, realm: realm, logger: Self.logger)
    }

    /// The key the local side signs its requests with.
    static let callerKey = SigningKey()

    /// The peer: a province hub node to serve in-process, requiring signed sync requests.
    func remote() throws -> ServerTestNode {
        var node = try ServerTestNode(
            name: "Provincie Zeeland", role: .province, scope: ["PV29"], wallClock: LocalAuthor.systemMilliseconds)
        node.requiresSignatures = true
        cleanup.append { node.remove() }
        return node
    }

    /// One round of `store` with the peer on `port`.
    static func round(_ store: NodeStore, port: Int, authors: Set<NodeID>? = nil, limits: SyncLimits = .standard) throws -> SyncRound {
        let client = try PeerClient(url: "http://127.0.0.1:\(port)/", configuration: HTTPTransportConfiguration(retry: .none), logger: logger,
            signingKey: callerKey)
        return SyncRound(store: store, client: client, limits: limits, authors: authors, logger: logger, wallClock: { ServerTestNode.now })
    }
}
