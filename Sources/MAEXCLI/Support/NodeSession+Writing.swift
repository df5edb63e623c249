import Foundation
import MAEXNode
import Synchronization

/// A write refused because a key rotation is prepared and not yet active.
struct RotationInProgress: Error, CustomStringConvertible {
    /// The node's folder.
    let path: String

    var description: String {
        "a key rotation is prepared in \(path): finish it with `maex-node trust rotate --activate` before editing"
    }
}

extension NodeSession {
    /// The write locks taken by this process; kept until it exits.
    private static let writeLocks = Mutex<[ServeLock]>([])

    /// Opens the node for a command that writes to its folder. Refused with a clear message
    /// while a node serves the folder (`serve` holds its `ServeLock`): a served node alone
    /// writes to its store.
    /// While a key rotation is prepared, edits are refused (they would be signed by the old
    /// key after its last valid sequence) unless `allowRotating`.
    static func openForWriting(_ options: NodeOptions, allowRotating: Bool = false) throws -> NodeSession {
        let session = try open(options)
        if session.directory.isRotating, !allowRotating {
            throw RotationInProgress(path: session.directory.url.path)
        }
        let lock = try ServeLock.write(session.directory)
        writeLocks.withLock { $0.append(lock) }
        return session
    }
}
