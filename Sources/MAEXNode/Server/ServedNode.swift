import MAEXCore
import MAEXStore

/// What the HTTP server serves: the node's public information, its store and its wall clock.
public struct ServedNode: Sendable {
    /// The software version reported by `GET /v1/node` unless told otherwise.
    public static let defaultSoftwareVersion = "0.1.0"

    /// The node's public information (`node.json`).
    public let info: NodeInfo
    /// The node's store.
    public let store: NodeStore
    /// The wall clock in milliseconds since the Unix epoch (tests pass a fixed one).
    public let wallClock: @Sendable () -> Int64
    /// The software version reported by `GET /v1/node`.
    public let softwareVersion: String
    /// Who may sync with the node (`StorePeerDirectory` unless told otherwise).
    public let peerDirectory: any PeerDirectory
    /// The author of the node's own edits (forms and write API); `nil`: the node serves
    /// read-only and editing answers 503.
    public var author: LocalAuthor?
    /// Who may edit over HTTP; `nil`: nobody (admin requests answer 403).
    public var admin: AdminAccess?
    /// Who answers for the node's personal data (the privacy page and accessibility statement).
    public var privacy = PrivacyNotice.unset
    /// The replicator's view of its peers, exported by `/metrics`; `nil` when not replicating.
    public var syncStatus: SyncStatusBoard?

    /// Serves `store` as the node described by `info`.
    public init(
        info: NodeInfo, store: NodeStore,
        wallClock: @escaping @Sendable () -> Int64 = LocalAuthor.systemMilliseconds,
        softwareVersion: String = ServedNode.defaultSoftwareVersion,
        peerDirectory: (any PeerDirectory)? = nil
    ) {
        self.info = info
        self.store = store
        self.wallClock = wallClock
        self.softwareVersion = softwareVersion
        self.peerDirectory = peerDirectory ?? StorePeerDirectory(node: info.nodeID, store: store)
    }

    /// Serves `store` as the node of `directory`.
    public init(
        directory: NodeDirectory, store: NodeStore,
        wallClock: @escaping @Sendable () -> Int64 = LocalAuthor.systemMilliseconds,
        softwareVersion: String = ServedNode.defaultSoftwareVersion,
        peerDirectory: (any PeerDirectory)? = nil
    ) {
        self.init(
            info: directory.info, store: store, wallClock: wallClock, softwareVersion: softwareVersion, peerDirectory: peerDirectory)
    }

    /// The node's id.
    public var nodeID: NodeID { info.nodeID }

    /// The register editor, when the node has an author.
    public var editor: RegisterEditor? { author.map { RegisterEditor(store: store, author: $0) } }
}
