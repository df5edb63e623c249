import Foundation
import Hummingbird
import MAEXCore
import NIOCore

/// Gives every successful `GET` and `HEAD` answer an entity tag and answers `304 Not
/// Modified`, without a body, when the request's `If-None-Match` names it.
///
/// The tag is weak (`W/"…"`: the first 128 bits of the SHA-256 of the uncompressed body), so it
/// stays the same for the gzip-compressed form of the same answer (`GzipMiddleware` runs outside
/// this one). The answer is still computed; what is saved is the transfer, the client's parsing
/// and, with the page caches, most of the work of an unchanged page.
struct ETagMiddleware<Context: RequestContext>: RouterMiddleware {
    /// Bodies larger than this are sent without a tag (every answer of this server is smaller).
    let maximumBytes: Int

    init(maximumBytes: Int = 16 << 20) {
        self.maximumBytes = maximumBytes
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response = try await next(request, context)
        guard request.method == .get || request.method == .head, response.status == .ok, response.headers[.eTag] == nil,
            let length = response.body.contentLength, length <= maximumBytes
        else { return response }
        let sink = CollectingBodyWriter.Sink()
        try await response.body.write(CollectingBodyWriter(sink: sink))
        let body = sink.buffer
        let tag = Self.tag(of: body)
        response.headers[.eTag] = tag
        if Self.matches(request.headers[.ifNoneMatch], tag) {
            var headers = response.headers
            headers[.contentLength] = nil
            headers[.contentType] = nil
            return Response(status: .notModified, headers: headers, body: .init())
        }
        response.body = .init(byteBuffer: body)
        return response
    }

    /// The weak tag of `body`.
    static func tag(of body: ByteBuffer) -> String {
        let digest = SHA256Hash.digest(body.readableBytesView.prefix(body.readableBytes))
        let hex = digest.prefix(16).map { byte in
            let text = String(byte, radix: 16)
            return byte < 16 ? "0" + text : text
        }
        return "W/\"" + hex.joined() + "\""
    }

    /// Whether an `If-None-Match` value names `tag` (weak comparison) or is `*`.
    static func matches(_ header: String?, _ tag: String) -> Bool {
        guard let header else { return false }
        let wanted = tag.hasPrefix("W/") ? String(tag.dropFirst(2)) : tag
        for candidate in header.split(separator: ",") {
            let trimmed = candidate.trimmingCharacters(in: .whitespaces)
            if trimmed == "*" { return true }
            let opaque = trimmed.hasPrefix("W/") ? String(trimmed.dropFirst(2)) : trimmed
            if opaque == wanted { return true }
        }
        return false
    }
}
