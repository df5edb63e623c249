import Foundation
import HTTPTypes
import Hummingbird
import Logging
import NIOCore

/// Counts requests per route on the in-process test peer.
final class HitCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var counts: [String: Int] = [:]

    /// Increments the count of `key` and returns the new value.
    @discardableResult
    func hit(_ key: String) -> Int {
        lock.withLock {
            counts[key, default: 0] += 1
            return counts[key, default: 0]
        }
    }

    func count(_ key: String) -> Int {
        lock.withLock { counts[key, default: 0] }
    }
}

/// Records what the transport's injected sleep was asked to wait.
final class SleepRecorder: @unchecked Sendable {
    private let lock = NSLock()
    private var recorded: [Duration] = []

    var delays: [Duration] { lock.withLock { recorded } }

    /// A sleep that records and returns at once.
    var sleep: @Sendable (Duration) async throws -> Void {
        { [self] duration in lock.withLock { recorded.append(duration) } }
    }
}

/// A Hummingbird 2 server on 127.0.0.1 with an ephemeral port, serving the routes the transport
/// tests need. Runs for the duration of `body`.
enum TestPeerServer {
    /// The uncompressed text behind `/gzip`.
    static let gzipPlainText: Data = Data(
        (0..<4000).map { "{\"id\":\($0),\"value\":\"replica-state\"}\n" }.joined().utf8
    )

    static func run(
        gzipBlob: Data? = nil,
        _ body: @Sendable (_ baseURL: String, _ hits: HitCounter) async throws -> Void
    ) async throws {
        let hits = HitCounter()
        let router = Router()
        router.get("hello") { _, _ -> String in
            hits.hit("hello")
            return "hello"
        }
        router.post("echo") { request, _ -> Response in
            hits.hit("echo")
            var request = request
            let buffer = try await request.collectBody(upTo: 1 << 20)
            var headers = HTTPFields()
            headers[.contentType] = request.headers[.contentType] ?? "application/octet-stream"
            if let signature = request.headers[TestHeader.signature] {
                headers[TestHeader.echoSignature] = signature
            }
            headers[TestHeader.echoMethod] = request.method.rawValue
            return Response(status: .ok, headers: headers, body: .init(byteBuffer: buffer))
        }
        router.put("echo") { request, _ -> Response in
            var request = request
            let buffer = try await request.collectBody(upTo: 1 << 20)
            return Response(status: .ok, headers: [TestHeader.echoMethod: "PUT"], body: .init(byteBuffer: buffer))
        }
        router.delete("echo") { request, _ -> Response in
            Response(status: .ok, headers: [TestHeader.echoMethod: request.method.rawValue])
        }
        router.get("large") { _, _ -> Response in
            hits.hit("large")
            let buffer = ByteBuffer(repeating: UInt8(ascii: "x"), count: 1 << 20)
            return Response(status: .ok, headers: [.contentType: "application/octet-stream"], body: .init(byteBuffer: buffer))
        }
        router.get("gzip") { _, _ -> Response in
            let blob = gzipBlob ?? Data()
            return Response(
                status: .ok,
                headers: [.contentType: "application/x-ndjson", .contentEncoding: "gzip"],
                body: .init(byteBuffer: ByteBuffer(bytes: blob))
            )
        }
        router.get("redirect") { _, _ -> Response in
            hits.hit("redirect")
            return Response(status: .found, headers: [.location: "/hello"])
        }
        router.get("status/:code") { _, context -> Response in
            let code = try context.parameters.require("code", as: Int.self)
            hits.hit("status/\(code)")
            return Response(status: .init(code: code), body: .init(byteBuffer: ByteBuffer(string: "status \(code) body")))
        }
        router.post("status/:code") { _, context -> Response in
            let code = try context.parameters.require("code", as: Int.self)
            hits.hit("post-status/\(code)")
            return Response(status: .init(code: code))
        }
        // 503 twice, then 200.
        router.get("flaky") { _, _ -> Response in
            let n = hits.hit("flaky")
            return n <= 2 ? Response(status: .serviceUnavailable) : Response(status: .ok, body: .init(byteBuffer: ByteBuffer(string: "ok")))
        }
        // 429 with Retry-After (seconds from the query), then 200.
        router.get("busy") { request, _ -> Response in
            let n = hits.hit("busy")
            let after = request.uri.queryParameters.get("after") ?? "2"
            return n == 1
                ? Response(status: .tooManyRequests, headers: [.retryAfter: after])
                : Response(status: .ok)
        }
        // Sends the head and 5 bytes, then stalls for `ms` before finishing.
        router.get("stall") { request, _ -> Response in
            let millis = request.uri.queryParameters.get("ms", as: Int.self) ?? 3000
            return Response(status: .ok, body: ResponseBody { writer in
                try await writer.write(ByteBuffer(string: "start"))
                try await Task.sleep(for: .milliseconds(millis))
                try await writer.finish(nil)
            })
        }
        router.get("slow") { request, _ -> String in
            hits.hit("slow")
            let millis = request.uri.queryParameters.get("ms", as: Int.self) ?? 2000
            try await Task.sleep(for: .milliseconds(millis))
            return "late"
        }

        let (portStream, portContinuation) = AsyncStream.makeStream(of: Int.self)
        let app = Application(
            router: router,
            configuration: .init(address: .hostname("127.0.0.1", port: 0)),
            onServerRunning: { channel in
                portContinuation.yield(channel.localAddress?.port ?? 0)
                portContinuation.finish()
            },
            logger: Logger(label: "test-peer", factory: { _ in SwiftLogNoOpLogHandler() })
        )
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await app.run() }
            var ports = portStream.makeAsyncIterator()
            guard let port = await ports.next(), port > 0 else {
                group.cancelAll()
                throw TestServerError.noPort
            }
            do {
                try await body("http://127.0.0.1:\(port)", hits)
            } catch {
                group.cancelAll()
                throw error
            }
            group.cancelAll()
        }
    }
}

enum TestHeader {
    static let signature = HTTPField.Name("X-MAEX-Signature")!
    static let echoSignature = HTTPField.Name("X-Echo-Signature")!
    static let echoMethod = HTTPField.Name("X-Echo-Method")!
}

enum TestServerError: Error {
    case noPort
    case gzipUnavailable(String)
}
