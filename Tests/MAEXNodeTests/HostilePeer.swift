import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A fake peer on 127.0.0.1 that answers every request with one hostile behaviour, over plain
/// POSIX sockets (so nothing in it is the node's own HTTP code). Each connection is served on
/// its own thread; every thread ends within `maxServing`, and `stop()` closes the listener.
final class HostilePeer: @unchecked Sendable {
    /// What the peer answers.
    enum Behaviour: Sendable {
        /// A 200 JSON answer with these exact bytes.
        case answer([UInt8], headers: [String] = [])
        /// A 200 answer without a length that never ends.
        case endless
        /// A redirect to `location`.
        case redirect(String)
    }

    let behaviour: Behaviour
    let port: Int
    private let listener: Int32
    /// The longest one connection is served.
    let maxServing: Duration = .seconds(40)
    private let lock = NSLock()
    private var requestCount = 0

    init(_ behaviour: Behaviour) throws {
        self.behaviour = behaviour
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw RawHTTPConnection.Failure("socket failed") }
        var one: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let named = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        guard bound == 0, named == 0, listen(fd, 16) == 0 else {
            close(fd)
            throw RawHTTPConnection.Failure("cannot listen on 127.0.0.1")
        }
        port = Int(UInt16(bigEndian: address.sin_port))
        listener = fd
        let thread = Thread { [self] in acceptLoop() }
        thread.start()
    }

    /// The peer's base URL.
    var url: String { "http://127.0.0.1:\(port)/" }

    /// How many requests it received.
    var requests: Int { lock.withLock { requestCount } }

    /// Stops accepting; connections being served end by themselves.
    func stop() { shutdown(listener, Int32(SHUT_RDWR)) }

    deinit { close(listener) }

    private func acceptLoop() {
        while true {
            let connection = accept(listener, nil, nil)
            guard connection >= 0 else { return }
            let thread = Thread { [self] in
                serve(connection)
                close(connection)
            }
            thread.start()
        }
    }

    private func serve(_ connection: Int32) {
        var timeout = timeval(tv_sec: 5, tv_usec: 0)
        setsockopt(connection, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        setsockopt(connection, SOL_SOCKET, SO_SNDTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        guard readRequest(connection) else { return }
        lock.withLock { requestCount += 1 }
        let deadline = ContinuousClock.now + maxServing
        switch behaviour {
        case .answer(let body, let headers):
            let head = (["HTTP/1.1 200 OK", "Content-Type: application/json", "Content-Length: \(body.count)", "Connection: close"] + headers)
            _ = write(connection, Array((head.joined(separator: "\r\n") + "\r\n\r\n").utf8) + body)
        case .endless:
            guard write(connection, Array("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nConnection: close\r\n\r\n[".utf8)) else { return }
            let chunk = [UInt8](repeating: UInt8(ascii: " "), count: 1 << 16)
            while ContinuousClock.now < deadline, write(connection, chunk) {}
        case .redirect(let location):
            let head = "HTTP/1.1 307 Temporary Redirect\r\nLocation: \(location)\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
            _ = write(connection, Array(head.utf8))
        }
    }

    /// Reads a request head and its `Content-Length` body; false when the client went away.
    private func readRequest(_ connection: Int32) -> Bool {
        var received: [UInt8] = []
        let separator = Array("\r\n\r\n".utf8)
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            if let end = received.indices.first(where: { received[$0...].starts(with: separator) }) {
                let head = String(decoding: received[..<end], as: UTF8.self).lowercased()
                let length = head.components(separatedBy: "\r\n").first { $0.hasPrefix("content-length:") }
                    .flatMap { Int($0.dropFirst("content-length:".count).trimmingCharacters(in: .whitespaces)) } ?? 0
                if received.count >= end + separator.count + length { return true }
            }
            let count = buffer.withUnsafeMutableBytes { recv(connection, $0.baseAddress, $0.count, 0) }
            guard count > 0 else { return false }
            received += buffer[0..<count]
        }
    }

    private func write(_ connection: Int32, _ bytes: [UInt8]) -> Bool {
        var offset = 0
        while offset < bytes.count {
            let sent = bytes[offset...].withUnsafeBytes { send(connection, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            guard sent > 0 else { return false }
            offset += sent
        }
        return true
    }
}
