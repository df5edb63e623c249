import Hummingbird
import MAEXStore
import MAEXWire

/// A store failure is the node's fault, never the caller's: 503 while SQLite is busy or the
/// disk is full (try again later), 500 otherwise.
extension StoreError: HTTPResponseError, CodedHTTPError {
    public var status: HTTPResponse.Status {
        if case .database(_, let code, _) = self, [5, 6, 13].contains(code & 0xFF) { return .serviceUnavailable }
        return .internalServerError
    }

    var code: String { status == .serviceUnavailable ? "store_unavailable" : "store_error" }

    var message: String {
        status == .serviceUnavailable
            ? "the node's store is busy or full; try again later"
            : "the node's store failed; see the node's log"
    }

    public func response(from request: Request, context: some RequestContext) throws -> Response {
        JSONResponse.error(status: status, body: .init(code: code, message: message), headers: extraHeaders)
    }
}
