import Foundation
import MAEXCore

extension NodeDirectory {
    /// The file holding the next key while a rotation is prepared but not yet active.
    public static let nextKeyFileName = "node.key.next"

    /// Whether a key rotation is prepared and not yet activated (`node.key.next` exists).
    public var isRotating: Bool {
        (try? FileIO.mode(url.appendingPathComponent(Self.nextKeyFileName).path)) != nil
    }

    /// Prepares a key rotation: creates the next key (`node.key.next`, mode 0600, exclusively)
    /// and returns it. Refuses when one is already prepared.
    public func prepareRotation(key: SigningKey = SigningKey()) throws(NodeDirectoryError) -> SigningKey {
        let path = url.appendingPathComponent(Self.nextKeyFileName).path
        if try FileIO.mode(path) != nil { throw .alreadyANode(path: url.path, file: Self.nextKeyFileName) }
        try FileIO.createExclusive(path, bytes: Array((Hex.encode(key.seed) + "\n").utf8), mode: 0o600)
        try FileIO.syncDirectory(url.path)
        return key
    }

    /// The prepared next key.
    public func nextKey() throws(NodeDirectoryError) -> SigningKey {
        try Self.readKey(url.appendingPathComponent(Self.nextKeyFileName).path)
    }

    /// Activates a prepared rotation: `node.key` becomes the next key and `node.json` names its
    /// id. The old key is kept as `node.key.old` (mode 0600) for the record; the log keeps the
    /// old key's change sets, which stay valid before the rotation's sequence.
    public func activateRotation() throws(NodeDirectoryError) -> NodeDirectory {
        let next = try nextKey()
        var info = self.info
        info.nodeID = next.nodeID
        let keyPath = url.appendingPathComponent(Self.keyFileName).path
        try FileIO.replace(url.appendingPathComponent("node.key.old").path, bytes: try FileIO.read(keyPath), mode: 0o600)
        try FileIO.replace(keyPath, bytes: Array((Hex.encode(next.seed) + "\n").utf8), mode: 0o600)
        try FileIO.replace(url.appendingPathComponent(Self.infoFileName).path, bytes: try Self.encode(info, path: url.path), mode: 0o644)
        do { try FileManager.default.removeItem(atPath: url.appendingPathComponent(Self.nextKeyFileName).path) } catch {
            throw .io(path: url.path, operation: "remove \(Self.nextKeyFileName) in", reason: "\(error.localizedDescription)")
        }
        try FileIO.syncDirectory(url.path)
        return NodeDirectory(url: url, info: info, signingKey: next)
    }
}
