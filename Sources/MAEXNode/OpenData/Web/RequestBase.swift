import HTTPTypes
import Hummingbird

/// The absolute base (`http://host:port`) a request reached the node under, for links in
/// feeds and API answers: the Host the client named, `https` when a proxy says so
/// (`X-Forwarded-Proto`).
enum RequestBase {
    static func url(_ request: Request, fallbackPort: Int?) -> String {
        let host = request.head.authority ?? "127.0.0.1:\(fallbackPort ?? 80)"
        let scheme = HTTPField.Name("X-Forwarded-Proto").flatMap { request.headers[$0] } == "https" ? "https" : "http"
        return "\(scheme)://\(host)"
    }
}
