import Foundation
import MAEXCore

/// The node's admin credential: a random token in `admin.token` (mode 0600) in the data folder.
///
/// Editing over HTTP (the JSON write API and the edit forms) needs it. `init` creates it with
/// the node; `serve` creates it on first start for folders made before it existed. The token is
/// 64 lowercase hex characters (32 random bytes); it is never logged.
public enum AdminToken {
    /// The file's name inside the data folder.
    public static let fileName = "admin.token"

    /// A fresh token: 32 bytes from the system's secure generator, in hex.
    public static func generate() -> String {
        var generator = SystemRandomNumberGenerator()
        return Hex.encode((0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) })
    }

    /// The token file of the node in `url`.
    public static func path(in url: URL) -> String { url.appendingPathComponent(fileName).path }

    /// Reads the token; `nil` when the file does not exist.
    /// - Throws: when the file is readable by others than its owner or does not hold a token.
    public static func read(in url: URL) throws(NodeDirectoryError) -> String? {
        let path = path(in: url)
        guard let mode = try FileIO.mode(path) else { return nil }
        guard mode & 0o077 == 0 else { throw .insecureKeyFile(path: path, mode: UInt32(mode & 0o777)) }
        let text = String(decoding: try FileIO.read(path), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        guard text.utf8.count >= 32, text.utf8.count <= 256, text.utf8.allSatisfy({ $0 > 0x20 && $0 < 0x7F }) else {
            throw .corruptKey(path: path, reason: "expected a token of 32 to 256 printable characters")
        }
        return text
    }

    /// Reads the token, creating the file (exclusively, mode 0600, fsynced) when missing.
    @discardableResult
    public static func ensure(in url: URL) throws(NodeDirectoryError) -> String {
        if let token = try read(in: url) { return token }
        let token = generate()
        try FileIO.createExclusive(path(in: url), bytes: Array((token + "\n").utf8), mode: 0o600)
        try FileIO.syncDirectory(url.path)
        return token
    }
}
