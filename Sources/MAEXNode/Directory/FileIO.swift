import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
// On Linux the clang importer may attribute `struct stat` to Dispatch's C module when another
// file of the target imports Dispatch first; importing it here keeps `stat` visible either way.
#if canImport(CDispatch)
import CDispatch
#endif

#if canImport(Glibc)
private let systemRead = Glibc.read
#elseif canImport(Darwin)
private let systemRead = Darwin.read
#endif

/// The few POSIX file operations a node folder needs, with `fsync` where durability matters.
enum FileIO {
    /// Creates `path` exclusively (`O_CREAT | O_EXCL`) with `mode`, writes `bytes` and fsyncs it.
    /// Fails when the file exists, so concurrent creators cannot both succeed.
    static func createExclusive(_ path: String, bytes: [UInt8], mode: mode_t) throws(NodeDirectoryError) {
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode)
        guard fd >= 0 else {
            if errno == EEXIST { throw .alreadyANode(path: (path as NSString).deletingLastPathComponent, file: (path as NSString).lastPathComponent) }
            throw failure(path, "create")
        }
        defer { close(fd) }
        try writeAll(fd, bytes, path: path)
        guard fsync(fd) == 0 else { throw failure(path, "fsync") }
    }

    /// Writes `bytes` to a temporary file beside `path`, fsyncs it and renames it over `path`.
    static func replace(_ path: String, bytes: [UInt8], mode: mode_t) throws(NodeDirectoryError) {
        let temporary = path + ".tmp"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, mode)
        guard fd >= 0 else { throw failure(temporary, "create") }
        var problem: NodeDirectoryError?
        do throws(NodeDirectoryError) {
            try writeAll(fd, bytes, path: temporary)
            if fsync(fd) != 0 { problem = failure(temporary, "fsync") }
        } catch {
            problem = error
        }
        close(fd)
        if let problem {
            unlink(temporary)
            throw problem
        }
        guard rename(temporary, path) == 0 else {
            let error = failure(path, "rename \(temporary) to")
            unlink(temporary)
            throw error
        }
    }

    /// Creates one directory with `mode`; an existing directory is fine.
    static func makeDirectory(_ path: String, mode: mode_t) throws(NodeDirectoryError) {
        guard mkdir(path, mode) == 0 || errno == EEXIST else { throw failure(path, "create folder") }
    }

    /// Fsyncs a directory, so entries created in it survive a crash.
    static func syncDirectory(_ path: String) throws(NodeDirectoryError) {
        let fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { throw failure(path, "open folder") }
        defer { close(fd) }
        guard fsync(fd) == 0 else { throw failure(path, "fsync folder") }
    }

    /// The whole content of a file.
    static func read(_ path: String) throws(NodeDirectoryError) -> [UInt8] {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw failure(path, "read") }
        defer { close(fd) }
        var result: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = buffer.withUnsafeMutableBytes { systemRead(fd, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw failure(path, "read")
            }
            if count == 0 { return result }
            result.append(contentsOf: buffer[0..<count])
            guard result.count <= 1_048_576 else { throw .io(path: path, operation: "read", reason: "file larger than 1 MiB") }
        }
    }

    /// The kind and permission bits of a path, or `nil` when it does not exist.
    static func mode(_ path: String) throws(NodeDirectoryError) -> mode_t? {
        var info = stat()
        guard stat(path, &info) == 0 else {
            if errno == ENOENT { return nil }
            throw failure(path, "inspect")
        }
        return info.st_mode
    }

    /// Whether a mode describes a directory.
    static func isDirectory(_ mode: mode_t) -> Bool { mode & S_IFMT == S_IFDIR }

    private static func writeAll(_ fd: Int32, _ bytes: [UInt8], path: String) throws(NodeDirectoryError) {
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
            if written < 0 {
                if errno == EINTR { continue }
                throw failure(path, "write")
            }
            offset += written
        }
    }

    /// An error for the failed call that just set `errno`.
    static func failure(_ path: String, _ operation: String) -> NodeDirectoryError {
        .io(path: path, operation: operation, reason: String(cString: strerror(errno)))
    }
}
