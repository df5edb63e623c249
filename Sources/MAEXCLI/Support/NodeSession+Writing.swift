import MAEXNode
import Synchronization

extension NodeSession {
    /// The write locks taken by this process; kept until it exits.
    private static let writeLocks = Mutex<[ServeLock]>([])

    /// Opens the node for a command that writes to its folder. Refused with a clear message
    /// while a node serves the folder (`serve` holds its `ServeLock`): a served node alone
    /// writes to its store.
    static func openForWriting(_ options: NodeOptions) throws -> NodeSession {
        let session = try open(options)
        let lock = try ServeLock.write(session.directory)
        writeLocks.withLock { $0.append(lock) }
        return session
    }
}
