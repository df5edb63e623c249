import Hummingbird

/// A refused request: the HTTP status, a stable code and a message for people.
struct APIError: CodedHTTPError, CustomStringConvertible {
    let status: HTTPResponse.Status
    let code: String
    let message: String
    let extraHeaders: HTTPFields

    init(_ status: HTTPResponse.Status, code: String, message: String, headers: HTTPFields = [:]) {
        self.status = status
        self.code = code
        self.message = message
        self.extraHeaders = headers
    }

    var description: String { "\(status.code) \(code): \(message)" }
}

extension APIError {
    /// No such route or resource.
    static func notFound(_ message: String) -> APIError { APIError(.notFound, code: "not_found", message: message) }

    /// The route exists, for other methods.
    static func methodNotAllowed(_ method: HTTPRequest.Method, path: String, allowed: [HTTPRequest.Method]) -> APIError {
        let list = allowed.map(\.rawValue).joined(separator: ", ")
        var headers = HTTPFields()
        headers[.allow] = list
        return APIError(
            .methodNotAllowed, code: "method_not_allowed", message: "\(method.rawValue) is not allowed on \(path); use \(list)",
            headers: headers)
    }

    /// The record existed and was deleted.
    static func gone(_ message: String) -> APIError { APIError(.gone, code: "gone", message: message) }

    /// The body is not JSON.
    static func badJSON(_ message: String) -> APIError { APIError(.badRequest, code: "bad_json", message: message) }

    /// The body is JSON of the wrong shape.
    static func invalidRequest(_ message: String) -> APIError { APIError(.badRequest, code: "invalid_request", message: message) }

    /// A query or path parameter is invalid.
    static func invalidParameter(_ message: String) -> APIError { APIError(.badRequest, code: "invalid_parameter", message: message) }

    /// The request body exceeds the limit.
    static func bodyTooLarge(limit: Int) -> APIError {
        APIError(.contentTooLarge, code: "body_too_large", message: "the request body exceeds the limit of \(limit) bytes")
    }

    /// The content type or content encoding is not accepted.
    static func unsupportedMediaType(_ message: String) -> APIError {
        APIError(.unsupportedMediaType, code: "unsupported_media_type", message: message)
    }

    /// Something went wrong inside the node; details are in its log.
    static func internalError(_ message: String) -> APIError {
        APIError(.internalServerError, code: "internal_error", message: message)
    }
}
