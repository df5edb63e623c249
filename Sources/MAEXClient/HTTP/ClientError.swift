import Foundation

/// A failure of the peer client, in words an operator can act on.
///
/// Every case names the peer (its base URL, e.g. `http://127.0.0.1:9/`) and says what happened.
public enum ClientError: Error, Sendable, Equatable {
    /// The peer URL is not usable: not a URL, not http/https, credentials in it, and so on.
    case invalidPeerURL(String, reason: String)
    /// The request cannot be sent as specified (for example a header containing a line break).
    case invalidRequest(peer: String, reason: String)
    /// Nothing listens on the peer's port: the TCP connection was refused.
    case connectionRefused(peer: String)
    /// The TCP connection could not be made for another reason (unreachable network, ...).
    case connectionFailed(peer: String, detail: String)
    /// The peer's host name did not resolve.
    case hostNotFound(peer: String)
    /// A connect, total or low-speed timeout expired.
    case timedOut(peer: String, detail: String)
    /// The connection broke while sending or receiving (reset, empty reply, truncated body).
    case connectionLost(peer: String, detail: String)
    /// The TLS handshake or certificate verification failed.
    case tlsFailure(peer: String, detail: String)
    /// The response body grew past the configured cap; the transfer was aborted.
    case responseTooLarge(peer: String, limit: Int)
    /// The peer answered with a status the caller did not accept (see `HTTPResponseData.requireSuccess()`).
    case unexpectedStatus(peer: String, status: Int, detail: String)
    /// The calling task was cancelled before the exchange completed.
    case cancelled(peer: String)
    /// Any other libcurl failure.
    case transport(peer: String, detail: String)

    /// The peer URL this error is about (the rejected string for `invalidPeerURL`).
    public var peer: String {
        switch self {
        case .invalidPeerURL(let peer, _),
             .invalidRequest(let peer, _),
             .connectionRefused(let peer),
             .connectionFailed(let peer, _),
             .hostNotFound(let peer),
             .timedOut(let peer, _),
             .connectionLost(let peer, _),
             .tlsFailure(let peer, _),
             .responseTooLarge(let peer, _),
             .unexpectedStatus(let peer, _, _),
             .cancelled(let peer),
             .transport(let peer, _):
            return peer
        }
    }

    /// Whether trying again later may succeed (network trouble rather than a wrong request).
    public var isTransient: Bool {
        switch self {
        case .connectionRefused, .connectionFailed, .hostNotFound, .timedOut, .connectionLost:
            return true
        case .invalidPeerURL, .invalidRequest, .tlsFailure, .responseTooLarge, .unexpectedStatus,
             .cancelled, .transport:
            return false
        }
    }
}

extension ClientError: CustomStringConvertible {
    /// A one-line explanation naming the peer and what happened.
    public var description: String {
        switch self {
        case .invalidPeerURL(let url, let reason):
            return "peer URL \"\(url)\" is not usable: \(reason)"
        case .invalidRequest(let peer, let reason):
            return "request to peer \(peer) cannot be sent: \(reason)"
        case .connectionRefused(let peer):
            return "peer \(peer) refused the connection (nothing listening on that port?)"
        case .connectionFailed(let peer, let detail):
            return "could not connect to peer \(peer): \(detail)"
        case .hostNotFound(let peer):
            return "host of peer \(peer) could not be resolved"
        case .timedOut(let peer, let detail):
            return "peer \(peer) timed out: \(detail)"
        case .connectionLost(let peer, let detail):
            return "connection to peer \(peer) was lost: \(detail)"
        case .tlsFailure(let peer, let detail):
            return "TLS with peer \(peer) failed: \(detail)"
        case .responseTooLarge(let peer, let limit):
            return "response from peer \(peer) exceeded \(ClientError.formatBytes(limit)); transfer aborted"
        case .unexpectedStatus(let peer, let status, let detail):
            let reason = ClientError.reasonPhrase(status).map { " \($0)" } ?? ""
            let suffix = detail.isEmpty ? "" : ": \(detail)"
            return "peer \(peer) answered \(status)\(reason)\(suffix)"
        case .cancelled(let peer):
            return "request to peer \(peer) was cancelled"
        case .transport(let peer, let detail):
            return "exchange with peer \(peer) failed: \(detail)"
        }
    }

    /// The standard reason phrase of the statuses a peer is likely to send.
    static func reasonPhrase(_ status: Int) -> String? {
        switch status {
        case 301: "Moved Permanently"
        case 302: "Found"
        case 304: "Not Modified"
        case 307: "Temporary Redirect"
        case 308: "Permanent Redirect"
        case 400: "Bad Request"
        case 401: "Unauthorized"
        case 403: "Forbidden"
        case 404: "Not Found"
        case 405: "Method Not Allowed"
        case 409: "Conflict"
        case 413: "Content Too Large"
        case 415: "Unsupported Media Type"
        case 422: "Unprocessable Content"
        case 429: "Too Many Requests"
        case 500: "Internal Server Error"
        case 502: "Bad Gateway"
        case 503: "Service Unavailable"
        case 504: "Gateway Timeout"
        default: nil
        }
    }

    /// Formats a byte count the way people say it: `8 MiB`, `64 KiB`, `1500 bytes`.
    static func formatBytes(_ count: Int) -> String {
        let mebibyte = 1 << 20
        let kibibyte = 1 << 10
        if count >= mebibyte, count % mebibyte == 0 { return "\(count / mebibyte) MiB" }
        if count >= kibibyte, count % kibibyte == 0 { return "\(count / kibibyte) KiB" }
        return "\(count) bytes"
    }
}

extension ClientError: LocalizedError {
    /// Same text as `description`.
    public var errorDescription: String? { description }
}
