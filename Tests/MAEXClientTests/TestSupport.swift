import Foundation
import Logging
import MAEXClient
#if canImport(Glibc)
import Glibc
#endif

/// A logger that drops everything (set `MAEX_TEST_LOG=1` to see the transport's debug logs).
func testLogger() -> Logger {
    if ProcessInfo.processInfo.environment["MAEX_TEST_LOG"] == "1" {
        var logger = Logger(label: "maex.client.test")
        logger.logLevel = .trace
        return logger
    }
    return Logger(label: "maex.client.test", factory: { _ in SwiftLogNoOpLogHandler() })
}

/// Compresses `data` with the system's `gzip` (no name or time stamp in the header).
func gzipWithSystemTool(_ data: Data) throws -> Data {
    let input = FileManager.default.temporaryDirectory
        .appendingPathComponent("maex-gzip-\(UUID().uuidString)")
    try data.write(to: input)
    defer { try? FileManager.default.removeItem(at: input) }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/gzip")
    process.arguments = ["-c", "-n", "-9", input.path]
    let output = Pipe()
    process.standardOutput = output
    try process.run()
    let compressed = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    guard process.terminationStatus == 0, compressed.count > 18 else {
        throw TestServerError.gzipUnavailable("gzip exited with \(process.terminationStatus)")
    }
    return compressed
}

/// A TCP port on 127.0.0.1 that is bound but not listening: connecting to it is refused.
/// Close `fd` when done.
func reserveRefusingPort() throws -> (fd: Int32, port: Int) {
    let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    guard fd >= 0 else { throw POSIXError(.EMFILE) }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_port = 0
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    let bound = withUnsafeMutablePointer(to: &address) { pointer in
        pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { socketAddress in
            bind(fd, socketAddress, length) == 0 && getsockname(fd, socketAddress, &length) == 0
        }
    }
    guard bound else {
        close(fd)
        throw POSIXError(.EADDRINUSE)
    }
    return (fd, Int(UInt16(bigEndian: address.sin_port)))
}

extension Duration {
    var milliseconds: Double {
        let (seconds, attoseconds) = components
        return Double(seconds) * 1000 + Double(attoseconds) / 1e15
    }
}
