import MAEXCore

/// A change set as stored in the log: its exact bytes, for relaying without decoding them.
public struct StoredChangeSet: Hashable, Sendable {
    /// The author.
    public var author: NodeID
    /// The author's sequence number.
    public var seq: Int64
    /// The id (SHA-256 of `body`).
    public var id: ChangeSetID
    /// The signed canonical JSON bytes, verbatim.
    public var body: [UInt8]
    /// The author's signature over `body`, verbatim.
    public var signature: [UInt8]

    /// Creates a stored change set.
    public init(author: NodeID, seq: Int64, id: ChangeSetID, body: [UInt8], signature: [UInt8]) {
        self.author = author
        self.seq = seq
        self.id = id
        self.body = body
        self.signature = signature
    }
}
