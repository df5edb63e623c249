import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The lock that keeps a served data folder to its node process.
///
/// `maex-node serve` holds an exclusive `flock` on `serve.lock` in the data folder for as long
/// as it runs (the kernel drops it when the process ends, even on `kill -9`). Commands that
/// write to a folder (`initiative add`, `sync`, ...) take it shared for their run; while a node
/// serves the folder they fail at once with `ServeLockError.served`, and a node cannot start
/// serving a folder a command is writing to.
public final class ServeLock: Sendable {
    /// The lock file's name inside the data folder.
    public static let fileName = "serve.lock"

    /// The lock file.
    public let path: String
    private let descriptor: Int32

    private init(path: String, descriptor: Int32) {
        self.path = path
        self.descriptor = descriptor
    }

    deinit { close(descriptor) }

    /// Takes the exclusive lock for a serving node, and writes this process's id into the file.
    /// - Throws: `ServeLockError.served` when another process serves the folder or writes to it.
    public static func serve(_ directory: NodeDirectory) throws(ServeLockError) -> ServeLock {
        let path = lockPath(directory)
        let lock = try take(path, operation: LOCK_EX, folder: directory.url.path)
        let pid = Array("\(getpid())\n".utf8)
        if ftruncate(lock.descriptor, 0) == 0 {
            _ = pid.withUnsafeBytes { pwrite(lock.descriptor, $0.baseAddress, $0.count, 0) }
        }
        return lock
    }

    /// Takes the shared lock of a command that writes to the folder; keep the result alive
    /// for as long as the command writes.
    /// - Throws: `ServeLockError.served` naming the serving process when a node serves it.
    public static func write(_ directory: NodeDirectory) throws(ServeLockError) -> ServeLock {
        try take(lockPath(directory), operation: LOCK_SH, folder: directory.url.path)
    }

    private static func lockPath(_ directory: NodeDirectory) -> String {
        directory.url.appendingPathComponent(fileName).path
    }

    private static func take(_ path: String, operation: Int32, folder: String) throws(ServeLockError) -> ServeLock {
        let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw .io(path: path, reason: String(cString: strerror(errno))) }
        while flock(fd, operation | LOCK_NB) != 0 {
            if errno == EINTR { continue }
            let reason = String(cString: strerror(errno))
            let busy = errno == EWOULDBLOCK
            let holder = busy ? readPID(fd) : nil
            close(fd)
            if busy { throw .served(folder: folder, pid: holder, byCommand: operation == LOCK_EX) }
            throw .io(path: path, reason: reason)
        }
        return ServeLock(path: path, descriptor: fd)
    }

    private static func readPID(_ fd: Int32) -> Int32? {
        var buffer = [UInt8](repeating: 0, count: 32)
        let count = buffer.withUnsafeMutableBytes { pread(fd, $0.baseAddress, $0.count, 0) }
        guard count > 0 else { return nil }
        return Int32(String(decoding: buffer[0..<count], as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))
    }
}

/// Why a data folder cannot be locked.
public enum ServeLockError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Another process holds the folder: a serving node (or, when `byCommand`, a command
    /// writing to it while this process wants to serve it).
    case served(folder: String, pid: Int32?, byCommand: Bool)
    /// The lock file cannot be opened or locked.
    case io(path: String, reason: String)

    public var description: String {
        switch self {
        case .served(let folder, let pid, let byCommand):
            if byCommand {
                let who = pid.map { "process \($0)" } ?? "another process"
                return "\(folder) is in use by \(who) (a serving node or a command writing to it); stop it first"
            }
            let who = pid.map { " (process \($0))" } ?? ""
            return "a node serves \(folder)\(who): it alone writes to its store; edit through that node, or stop it first"
        case .io(let path, let reason): return "cannot lock \(path): \(reason)"
        }
    }
}
