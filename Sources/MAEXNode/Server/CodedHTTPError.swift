import Hummingbird
import MAEXWire

/// An error that answers as JSON `ErrorBody` with a stable code: its type picks the HTTP status
/// here, in the server, so domain code never mentions HTTP.
protocol CodedHTTPError: HTTPResponseError {
    /// The stable machine-readable code, lowercase with underscores.
    var code: String { get }
    /// A sentence for people.
    var message: String { get }
    /// Extra response headers (e.g. `Allow`).
    var extraHeaders: HTTPFields { get }
}

extension CodedHTTPError {
    var extraHeaders: HTTPFields { [:] }

    func response(from request: Request, context: some RequestContext) throws -> Response {
        JSONResponse.error(status: status, body: ErrorBody(code: code, message: message), headers: extraHeaders)
    }
}
