import Foundation
import Hummingbird
import Logging
import MAEXCore
import ServiceLifecycle
import XCTest

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

@testable import MAEXNode

/// Runs the application built by `buildApplication` on 127.0.0.1 with port 0, as `serve`
/// would, gives `body` the bound port (reported through `onServerRunning`), then shuts it down.
func withLiveServer<T: Sendable>(
    _ node: ServerTestNode, _ configuration: NodeServerConfiguration = ServerTestNode.configuration(),
    _ body: @Sendable (Int) async throws -> T
) async throws -> T {
    let (ports, continuation) = AsyncStream.makeStream(of: Int.self)
    var logger = Logger(label: "test.live")
    logger.logLevel = .warning
    let app = buildApplication(
        configuration: configuration, node: node.served, logger: logger, onServerRunning: { port in continuation.yield(port) })
    let group = ServiceGroup(configuration: .init(services: [app], gracefulShutdownSignals: [], logger: logger))
    return try await withThrowingTaskGroup(of: Void.self) { tasks in
        tasks.addTask { try await group.run() }
        var iterator = ports.makeAsyncIterator()
        guard let port = await iterator.next() else { throw RawHTTPConnection.Failure("the server did not start") }
        do {
            let result = try await body(port)
            await group.triggerGracefulShutdown()
            try await tasks.waitForAll()
            return result
        } catch {
            await group.triggerGracefulShutdown()
            try? await tasks.waitForAll()
            throw error
        }
    }
}

/// A blocking HTTP/1.1 connection over a plain socket to 127.0.0.1, for what a test client
/// library hides: idle connections, connection limits, streaming huge bodies.
final class RawHTTPConnection: @unchecked Sendable {
    struct Failure: Error, CustomStringConvertible {
        let description: String
        init(_ description: String) { self.description = description }
    }

    /// A parsed answer.
    struct Answer {
        var status: Int
        var headers: [String: String]
        var body: [UInt8]
    }

    private let fd: Int32
    private var pending: [UInt8] = []

    init(port: Int) throws {
        #if canImport(Glibc)
            fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #else
            fd = socket(AF_INET, SOCK_STREAM, 0)
        #endif
        guard fd >= 0 else { throw Failure("socket failed") }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard result == 0 else {
            close(fd)
            throw Failure("connect failed: \(String(cString: strerror(errno)))")
        }
    }

    deinit { close(fd) }

    /// Makes `send` give up (return false) when the peer has not taken bytes for `timeout`.
    func setSendTimeout(_ timeout: Duration) {
        var value = timeval(
            tv_sec: Int(timeout.components.seconds), tv_usec: Int(timeout.components.attoseconds / 1_000_000_000_000))
        setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &value, socklen_t(MemoryLayout<timeval>.size))
    }

    /// Sends all bytes; false when the peer closed the connection meanwhile.
    @discardableResult
    func send(_ bytes: [UInt8]) -> Bool {
        var offset = 0
        while offset < bytes.count {
            let sent = bytes[offset...].withUnsafeBytes { Glibc.send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            if sent < 0 {
                if errno == EINTR { continue }
                return false
            }
            offset += sent
        }
        return true
    }

    /// Sends a request with a body given as text.
    @discardableResult
    func send(_ head: String, body: [UInt8] = []) -> Bool { send(Array(head.utf8) + body) }

    /// Reads bytes, waiting at most `timeout`; nil on timeout, empty at end of stream.
    private func readSome(timeout: Duration) throws -> [UInt8]? {
        var descriptor = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        let milliseconds = Int32(timeout.wholeMilliseconds)
        let ready = poll(&descriptor, 1, milliseconds)
        guard ready > 0 else { return nil }
        var buffer = [UInt8](repeating: 0, count: 65536)
        let count = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
        if count < 0 {
            if errno == ECONNRESET { return [] }
            throw Failure("recv failed: \(String(cString: strerror(errno)))")
        }
        return Array(buffer[0..<count])
    }

    /// Reads one answer with a `Content-Length`; nil when none arrives within `timeout`.
    func readAnswer(timeout: Duration = .seconds(10)) throws -> Answer? {
        let deadline = ContinuousClock.now + timeout
        while true {
            if let answer = try parse() { return answer }
            let left = deadline - ContinuousClock.now
            guard left > .zero, let bytes = try readSome(timeout: left) else { return nil }
            guard !bytes.isEmpty else { throw Failure("the connection closed before a whole answer arrived") }
            pending += bytes
        }
    }

    /// Whether the server closes the connection within `timeout`.
    func closesWithin(_ timeout: Duration) throws -> Bool {
        let deadline = ContinuousClock.now + timeout
        while true {
            let left = deadline - ContinuousClock.now
            guard left > .zero, let bytes = try readSome(timeout: left) else { return false }
            if bytes.isEmpty { return true }
            pending += bytes
        }
    }

    private func parse() throws -> Answer? {
        let separator: [UInt8] = Array("\r\n\r\n".utf8)
        guard let end = pending.indices.first(where: { pending[$0...].starts(with: separator) }) else { return nil }
        let head = String(decoding: pending[..<end], as: UTF8.self).components(separatedBy: "\r\n")
        guard let statusLine = head.first, let status = statusLine.split(separator: " ").dropFirst().first.flatMap({ Int($0) }) else {
            throw Failure("bad status line")
        }
        var headers: [String: String] = [:]
        for line in head.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        let length = Int(headers["content-length"] ?? "0") ?? 0
        let start = end + separator.count
        guard pending.count >= start + length else { return nil }
        let body = Array(pending[start..<(start + length)])
        pending.removeFirst(start + length)
        return Answer(status: status, headers: headers, body: body)
    }
}

/// A GET request line and headers.
func rawGet(_ path: String) -> String { "GET \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n" }
