import Hummingbird
import Logging
import MAEXWire
import NIOCore

/// Turns every error into a JSON `ErrorBody` answer with a stable code, so no failure of a
/// request ever reaches the client as an empty or plain-text answer.
struct ErrorMiddleware<Context: RequestContext>: RouterMiddleware {
    /// The request body limit, for the message of a 413.
    let maxBodyBytes: Int
    let logger: Logger

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch {
            let coded = Self.coded(error, request: request, maxBodyBytes: maxBodyBytes)
            if coded.status.code >= 500 {
                logger.error(
                    "request failed",
                    metadata: ["http.path": "\(request.uri.path)", "http.method": "\(request.method)", "error": "\(error)"])
            } else {
                logger.debug(
                    "request refused",
                    metadata: ["http.path": "\(request.uri.path)", "http.status": "\(coded.status.code)", "error.code": "\(coded.code)"])
            }
            return try coded.response(from: request, context: context)
        }
    }

    /// The coded error that answers `error`.
    static func coded(_ error: any Error, request: Request, maxBodyBytes: Int) -> any CodedHTTPError {
        switch error {
        case let coded as any CodedHTTPError:
            return coded
        case is NIOTooManyBytesError:
            return APIError.bodyTooLarge(limit: maxBodyBytes)
        case let http as any HTTPResponseError where http.status == .notFound:
            let allowed = RouteCatalog.allowedMethods(forPath: request.uri.path)
            if !allowed.isEmpty, !allowed.contains(request.method) {
                return APIError.methodNotAllowed(request.method, path: request.uri.path, allowed: allowed)
            }
            return APIError.notFound("no route \(request.method.rawValue) \(request.uri.path)")
        case let http as any HTTPResponseError:
            return APIError(http.status, code: code(for: http.status), message: http.status.reasonPhrase)
        default:
            return APIError.internalError("the node could not answer; see its log")
        }
    }

    /// A code for statuses that reach here without one.
    static func code(for status: HTTPResponse.Status) -> String {
        switch status {
        case .badRequest: "bad_request"
        case .contentTooLarge: "body_too_large"
        case .unsupportedMediaType: "unsupported_media_type"
        case .requestTimeout: "request_timeout"
        case .serviceUnavailable: "unavailable"
        default: status.code >= 500 ? "internal_error" : "http_\(status.code)"
        }
    }
}
