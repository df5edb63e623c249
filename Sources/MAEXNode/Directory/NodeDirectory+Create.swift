import Foundation
import MAEXCore

extension NodeDirectory {
    /// Creates a new node in `url` (made if missing) with a fresh key.
    ///
    /// Writes `node.key` first, exclusively (`O_CREAT | O_EXCL`, mode 0600) and fsynced, then
    /// `node.json` (written aside and renamed into place), then the admin token (`AdminToken`,
    /// mode 0600), then fsyncs the folder. Refuses when
    /// the folder already holds `node.json`, `node.key` or `maex.sqlite`; then nothing changes.
    /// The store itself is created when it is first opened. A national node holds the network's
    /// root (its own key); every other node names the root it joins.
    public static func create(
        at url: URL, name: String, role: NodeRole, scope: [String], realm: String = NodeInfo.defaultRealm,
        root: NodeID? = nil, createdAt: Date = Date(), key: SigningKey = SigningKey()
    ) throws(NodeDirectoryError) -> NodeDirectory {
        if role == .national, root != nil, root != key.nodeID { throw .rootMismatch(role: role) }
        let info = try NodeInfo(
            name: name, role: role, scope: scope, realm: realm, nodeID: key.nodeID, root: root ?? key.nodeID, createdAt: createdAt)
        let path = url.path
        try prepareFolder(path)
        for file in [infoFileName, keyFileName, storeFileName] {
            if try FileIO.mode(url.appendingPathComponent(file).path) != nil { throw .alreadyANode(path: path, file: file) }
        }
        let keyPath = url.appendingPathComponent(keyFileName).path
        try FileIO.createExclusive(keyPath, bytes: Array((Hex.encode(key.seed) + "\n").utf8), mode: 0o600)
        try FileIO.replace(url.appendingPathComponent(infoFileName).path, bytes: try encode(info, path: path), mode: 0o644)
        try AdminToken.ensure(in: url)
        try FileIO.syncDirectory(path)
        return NodeDirectory(url: url, info: info, signingKey: key)
    }

    /// Makes the node's folder (mode 0700; missing parents with the default mode) unless it
    /// exists, and fsyncs its parent so the new entry survives a crash.
    private static func prepareFolder(_ path: String) throws(NodeDirectoryError) {
        if let mode = try FileIO.mode(path) {
            guard FileIO.isDirectory(mode) else { throw .notANode(path: path, reason: "it is a file, not a folder") }
            return
        }
        let parent = (path as NSString).deletingLastPathComponent.isEmpty ? "." : (path as NSString).deletingLastPathComponent
        do {
            try FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true)
        } catch {
            throw .io(path: parent, operation: "create folder", reason: "\(error.localizedDescription)")
        }
        try FileIO.makeDirectory(path, mode: 0o700)
        try FileIO.syncDirectory(parent)
    }

    /// The bytes of `node.json`: pretty, with sorted keys, ending in a newline.
    static func encode(_ info: NodeInfo, path: String) throws(NodeDirectoryError) -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        do {
            return Array(try encoder.encode(info)) + [0x0A]
        } catch {
            throw .io(path: path, operation: "encode node.json for", reason: "\(error)")
        }
    }
}
