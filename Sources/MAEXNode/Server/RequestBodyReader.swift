import CompressNIO
import Foundation
import Hummingbird
import NIOCore

/// Reads a JSON request body within the limits: the content type must be JSON, the body is
/// collected while it streams and refused past the limit (also when gzip-encoded), and decoding
/// errors become `bad_json` / `invalid_request` answers. Large bodies are decoded (and
/// gunzipped) on the executor, off the concurrency pool.
struct RequestBodyReader: Sendable {
    /// Bodies at least this large are decoded on the executor.
    static let offloadBytes = 64 * 1024

    /// The largest body accepted, in bytes (decoded size for gzip bodies).
    let maxBodyBytes: Int
    /// Where large bodies are decoded.
    let executor: BlockingExecutor

    /// Decodes the body of `request` as `T`.
    func decode<T: Decodable & Sendable>(_ type: T.Type, from request: Request) async throws -> T {
        let buffer = try await collect(request)
        guard buffer.readableBytes >= Self.offloadBytes else { return try Self.decodeJSON(type, from: buffer) }
        return try await executor.run { try Self.decodeJSON(type, from: buffer) }
    }

    /// Checks the headers and collects the body, decoded when gzip-encoded.
    func collect(_ request: Request) async throws -> ByteBuffer {
        try Self.checkContentType(request.headers[.contentType])
        let encoding = request.headers[.contentEncoding]?.trimmingCharacters(in: .whitespaces).lowercased() ?? "identity"
        guard ["identity", "gzip", "x-gzip"].contains(encoding) else {
            throw APIError.unsupportedMediaType("content encoding \"\(encoding.prefix(40))\" is not supported; send identity or gzip")
        }
        if let length = request.headers[.contentLength].flatMap({ Int($0) }), length > maxBodyBytes {
            throw APIError.bodyTooLarge(limit: maxBodyBytes)
        }
        let buffer = try await request.body.collect(upTo: maxBodyBytes)
        guard encoding != "identity" else { return buffer }
        let limit = maxBodyBytes
        do {
            return try await executor.run {
                var compressed = buffer
                return try compressed.decompress(with: .gzip(), maxSize: limit)
            }
        } catch let error as CompressNIOError where error == .bufferOverflow {
            throw APIError.bodyTooLarge(limit: maxBodyBytes)
        } catch {
            throw APIError.badJSON("the gzip-encoded body could not be decoded")
        }
    }

    /// Accepts `application/json` and `application/*+json`, with parameters.
    static func checkContentType(_ header: String?) throws {
        guard let header else {
            throw APIError.unsupportedMediaType("a Content-Type header is required: send application/json")
        }
        let media = header.split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces).lowercased() } ?? ""
        guard media == "application/json" || (media.hasPrefix("application/") && media.hasSuffix("+json")) else {
            throw APIError.unsupportedMediaType("content type \"\(header.prefix(80))\" is not accepted: send application/json")
        }
    }

    /// Decodes JSON, naming what is wrong.
    static func decodeJSON<T: Decodable>(_ type: T.Type, from buffer: ByteBuffer) throws -> T {
        guard buffer.readableBytes > 0 else { throw APIError.badJSON("the request body is empty; send a JSON object") }
        do {
            return try JSONDecoder().decode(type, from: Data(buffer.readableBytesView))
        } catch let error as DecodingError {
            throw explain(error)
        } catch {
            throw APIError.badJSON("the request body is not valid JSON")
        }
    }

    private static func explain(_ error: DecodingError) -> APIError {
        switch error {
        case .dataCorrupted(let context) where context.codingPath.isEmpty:
            return .badJSON("the request body is not valid JSON")
        case .keyNotFound(let key, let context):
            return .invalidRequest("the member \"\(path(context.codingPath + [key]))\" is missing")
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context):
            return .invalidRequest("the member \"\(path(context.codingPath))\" is invalid: \(context.debugDescription.prefix(200))")
        @unknown default:
            return .invalidRequest("the request body does not have the expected shape")
        }
    }

    private static func path(_ keys: [any CodingKey]) -> String {
        keys.isEmpty ? "(root)" : keys.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
    }
}
