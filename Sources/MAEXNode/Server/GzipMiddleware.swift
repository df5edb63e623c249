import CompressNIO
import Hummingbird
import NIOCore

/// Compresses answers with gzip for clients that send `Accept-Encoding: gzip`.
///
/// Only answers of known length at least `minimumBytes` long are compressed (small ones would
/// not shrink); they are collected, compressed in one go and sent with `Content-Encoding:
/// gzip`, `Vary: Accept-Encoding` and the compressed length. Every answer of this server is
/// bounded (pull batches, list pages), so collecting is safe. Large bodies are compressed on
/// the executor, off the concurrency pool.
struct GzipMiddleware<Context: RequestContext>: RouterMiddleware {
    /// The smallest body compressed.
    let minimumBytes: Int
    /// Where large bodies are compressed.
    let executor: BlockingExecutor

    /// Bodies at least this large are compressed on the executor.
    static var offloadBytes: Int { 64 * 1024 }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response = try await next(request, context)
        guard AcceptEncoding.allowsGzip(request.headers[.acceptEncoding]) else { return response }
        response.headers[values: .vary].append("Accept-Encoding")
        guard response.headers[.contentEncoding] == nil, let length = response.body.contentLength, length >= minimumBytes else {
            return response
        }
        let sink = CollectingBodyWriter.Sink()
        try await response.body.write(CollectingBodyWriter(sink: sink))
        let plain = sink.buffer
        let compress: @Sendable () throws -> ByteBuffer = {
            var input = plain
            return try input.compress(with: .gzip())
        }
        let compressed = length >= Self.offloadBytes ? try await executor.run(compress) : try compress()
        response.headers[.contentEncoding] = "gzip"
        response.headers[.contentLength] = nil
        response.body = .init(byteBuffer: compressed)
        return response
    }
}

/// A response body writer that keeps what is written, for middleware that transforms bodies.
struct CollectingBodyWriter: ResponseBodyWriter {
    /// Where the bytes go; the writer itself is consumed by `ResponseBody.write`.
    final class Sink: @unchecked Sendable {
        /// The bytes written so far.
        var buffer = ByteBuffer()
    }

    let sink: Sink

    mutating func write(_ buffer: ByteBuffer) async throws {
        var buffer = buffer
        sink.buffer.writeBuffer(&buffer)
    }

    consuming func finish(_ trailingHeaders: HTTPFields?) async throws {}
}
