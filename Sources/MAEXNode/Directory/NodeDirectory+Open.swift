import Foundation
import MAEXCore

extension NodeDirectory {
    /// Opens the node in `url`: reads and checks `node.json`, then reads `node.key`, which must
    /// be readable by its owner only and must match the node id in `node.json`.
    public static func open(at url: URL) throws(NodeDirectoryError) -> NodeDirectory {
        let path = url.path
        guard let mode = try FileIO.mode(path) else { throw .notANode(path: path, reason: "it does not exist") }
        guard FileIO.isDirectory(mode) else { throw .notANode(path: path, reason: "it is a file, not a folder") }
        let infoPath = url.appendingPathComponent(infoFileName).path
        guard try FileIO.mode(infoPath) != nil else {
            throw .notANode(path: path, reason: "it has no \(infoFileName) (create a node with `maex-node init`)")
        }
        let info = try decodeInfo(FileIO.read(infoPath), path: infoPath)
        let key = try readKey(url.appendingPathComponent(keyFileName).path)
        guard key.nodeID == info.nodeID else {
            throw .corruptKey(path: url.appendingPathComponent(keyFileName).path, reason: "it does not belong to node \(info.nodeID.hex) of \(infoFileName)")
        }
        return NodeDirectory(url: url, info: info, signingKey: key)
    }

    static func decodeInfo(_ bytes: [UInt8], path: String) throws(NodeDirectoryError) -> NodeInfo {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        let info: NodeInfo
        do {
            info = try decoder.decode(NodeInfo.self, from: Data(bytes))
        } catch let error as DecodingError {
            throw .corruptInfo(path: path, reason: Self.explain(error))
        } catch {
            throw .corruptInfo(path: path, reason: "\(error)")
        }
        guard info.format <= NodeInfo.currentFormat else {
            throw .corruptInfo(path: path, reason: "format \(info.format) is newer than this program understands (\(NodeInfo.currentFormat))")
        }
        do { try info.validate() } catch { throw .corruptInfo(path: path, reason: error.description) }
        return info
    }

    static func readKey(_ path: String) throws(NodeDirectoryError) -> SigningKey {
        guard let mode = try FileIO.mode(path) else { throw .corruptKey(path: path, reason: "it is missing") }
        guard mode & 0o077 == 0 else { throw .insecureKeyFile(path: path, mode: UInt32(mode & 0o777)) }
        let text = String(decoding: try FileIO.read(path), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        guard let seed = Hex.decode(text), seed.count == 32 else {
            throw .corruptKey(path: path, reason: "expected 64 lowercase hex characters")
        }
        do { return try SigningKey(seed: seed) } catch { throw .corruptKey(path: path, reason: error.description) }
    }

    private static func explain(_ error: DecodingError) -> String {
        switch error {
        case .keyNotFound(let key, _) where key.stringValue == "root":
            "it names no network root (made before nodes joined a network): add \"root\": \"<the national node's id>\""
        case .keyNotFound(let key, _): "the field \"\(key.stringValue)\" is missing"
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context):
            context.codingPath.isEmpty
                ? "not valid JSON"
                : "the field \"\(context.codingPath.map(\.stringValue).joined(separator: "."))\" is invalid: \(context.debugDescription)"
        @unknown default: "\(error)"
        }
    }
}
