import Foundation
import Hummingbird
import MAEXWire

/// Builds JSON responses: sorted keys (stable bytes), no escaped slashes,
/// `Content-Type: application/json; charset=utf-8`.
enum JSONResponse {
    /// The media type of every JSON answer.
    static let contentType = "application/json; charset=utf-8"

    /// Encodes `value` as the body of a response.
    static func make(_ value: some Encodable, status: HTTPResponse.Status = .ok, headers: HTTPFields = [:]) throws -> Response {
        raw(try encode(value), status: status, headers: headers)
    }

    /// The JSON bytes of `value` (call it off the concurrency pool for large answers).
    static func encode(_ value: some Encodable) throws -> ByteBuffer {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        do {
            return ByteBuffer(bytes: try encoder.encode(value))
        } catch {
            throw APIError.internalError("the answer could not be encoded")
        }
    }

    /// A response whose body is already JSON.
    static func raw(_ body: ByteBuffer, status: HTTPResponse.Status = .ok, headers: HTTPFields = [:]) -> Response {
        var fields = headers
        fields[.contentType] = contentType
        return Response(status: status, headers: fields, body: .init(byteBuffer: body))
    }

    /// An error answer. Encoding an `ErrorBody` cannot fail; should it, the body is a fixed one.
    static func error(status: HTTPResponse.Status, body: ErrorBody, headers: HTTPFields = [:]) -> Response {
        if let response = try? make(body, status: status, headers: headers) { return response }
        let fallback = #"{"error":{"code":"internal_error","message":"the error could not be encoded"}}"#
        return raw(ByteBuffer(string: fallback), status: status, headers: headers)
    }
}
