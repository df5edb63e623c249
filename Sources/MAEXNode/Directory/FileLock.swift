import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An exclusive advisory lock (`flock`) on a file, held while a body runs.
///
/// Serialises writers across processes and threads: every holder opens its own descriptor, and
/// `flock` locks conflict between descriptors even within one process. The node takes it while
/// it authors a change set, so two commands can never give two change sets the same sequence.
public struct FileLock: Sendable {
    /// The lock file; created (empty, mode 0600) when missing.
    public let path: String

    /// A lock on `path`.
    public init(path: String) {
        self.path = path
    }

    /// Runs `body` while holding the lock; waits for other holders first.
    public func withLock<T>(_ body: () throws -> T) throws -> T {
        let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw FileIO.failure(path, "open lock file") }
        defer { close(fd) }
        while flock(fd, LOCK_EX) != 0 {
            guard errno == EINTR else { throw FileIO.failure(path, "lock") }
        }
        defer { flock(fd, LOCK_UN) }
        return try body()
    }
}
