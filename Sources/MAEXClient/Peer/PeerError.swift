import Foundation

/// A failed exchange with a peer node, naming the peer and what went wrong.
public enum PeerError: Error, Sendable, Equatable, CustomStringConvertible {
    /// No answer was obtained (connection refused, timeout, ...): see the transport's error.
    case transport(ClientError)
    /// The peer answered with a non-2xx status; `code` and `message` come from its error body
    /// (`{"error": {"code", "message"}}`) when it sent one.
    case refused(peer: String, request: String, status: Int, code: String?, message: String)
    /// The peer's answer is not the JSON this client expects.
    case malformedAnswer(peer: String, request: String, detail: String)
    /// The answer is well-formed but breaks the protocol (e.g. a push answered with the wrong
    /// number of results).
    case protocolViolation(peer: String, detail: String)

    /// The peer's base URL.
    public var peer: String {
        switch self {
        case .transport(let error): error.peer
        case .refused(let peer, _, _, _, _), .malformedAnswer(let peer, _, _), .protocolViolation(let peer, _): peer
        }
    }

    /// Whether trying again later may succeed: network trouble or an overloaded peer.
    public var isTransient: Bool {
        switch self {
        case .transport(let error): error.isTransient
        case .refused(_, _, let status, _, _): status == 429 || status == 503 || status == 502 || status == 504
        case .malformedAnswer, .protocolViolation: false
        }
    }

    public var description: String {
        switch self {
        case .transport(let error):
            return error.description
        case .refused(let peer, let request, let status, let code, let message):
            let codeText = code.map { " (\($0))" } ?? ""
            return "peer \(peer) refused \(request) with status \(status)\(codeText): \(message)"
        case .malformedAnswer(let peer, let request, let detail):
            return "peer \(peer) sent an unreadable answer to \(request): \(detail)"
        case .protocolViolation(let peer, let detail):
            return "peer \(peer) broke the sync protocol: \(detail)"
        }
    }
}

extension PeerError: LocalizedError {
    /// Same text as `description`.
    public var errorDescription: String? { description }
}
