import Foundation
import Logging
import MAEXCore
import MAEXWire

/// Typed calls to a peer node's HTTP API (`/v1/...`) over one `HTTPTransport`.
///
/// Requests and answers are the JSON shapes of `MAEXWire`. Every call returns the decoded
/// answer with its `PeerTraffic` (bytes each way), and every failure is a `PeerError` naming
/// the peer. The transport's handle is reused, so consecutive calls share one TCP connection.
public final class PeerClient: Sendable {
    /// The transport to the peer.
    public let transport: HTTPTransport

    /// The peer's base URL.
    public var peer: PeerURL { transport.peer }

    /// Wraps an existing transport.
    public init(transport: HTTPTransport) {
        self.transport = transport
    }

    /// Creates a client for the peer at `url`.
    /// - Parameter signingKey: The calling node's key: every request is then signed as that
    ///   node (RFC 9421, `RequestSigner`); the sync endpoints of a node refuse unsigned requests.
    /// - Throws: `PeerError.transport(.invalidPeerURL)` when `url` is not a usable base URL.
    public convenience init(
        url: String, configuration: HTTPTransportConfiguration = HTTPTransportConfiguration(), logger: Logger,
        signingKey: SigningKey? = nil
    ) throws(PeerError) {
        do {
            let peer = try PeerURL(url)
            self.init(transport: try HTTPTransport(peer: peer, configuration: configuration, logger: logger, signer: signingKey.map { RequestSigner(key: $0) }))
        } catch {
            throw .transport(error)
        }
    }

    /// `GET path` and decodes the JSON answer as `Value`.
    public func get<Value: Decodable & Sendable>(_ path: String, as type: Value.Type = Value.self) async throws(PeerError) -> PeerReply<Value> {
        try await exchange(.get(path), as: type)
    }

    /// `POST path` with `body` encoded as JSON, and decodes the JSON answer as `Value`.
    ///
    /// - Parameter idempotent: whether the request may be repeated after a failure that might
    ///   have reached the peer (pull and push are: a repeated push answers `duplicate`).
    public func post<Body: Encodable, Value: Decodable & Sendable>(
        _ path: String, _ body: Body, as type: Value.Type = Value.self, idempotent: Bool
    ) async throws(PeerError) -> PeerReply<Value> {
        let data: Data
        do {
            data = try JSONEncoder().encode(body)
        } catch {
            throw .protocolViolation(peer: peer.description, detail: "cannot encode the request to \(path): \(error)")
        }
        return try await exchange(.post(path, body: data, isIdempotent: idempotent), as: type)
    }

    /// Sends `request` and decodes a 2xx JSON answer; turns anything else into a `PeerError`.
    func exchange<Value: Decodable & Sendable>(_ request: HTTPRequestSpec, as type: Value.Type) async throws(PeerError) -> PeerReply<Value> {
        let response: HTTPResponseData
        do {
            response = try await transport.send(request)
        } catch {
            throw .transport(error)
        }
        return try decode(response, as: type)
    }

    /// Decodes a peer's answer (shared by the async and the blocking calls).
    func decode<Value: Decodable & Sendable>(_ response: HTTPResponseData, as type: Value.Type) throws(PeerError) -> PeerReply<Value> {
        let label = "\(response.method.rawValue) \(response.path)"
        let traffic = PeerTraffic(requests: 1, requestBytes: response.requestBytes, responseBytes: response.responseBytes)
        guard response.isSuccess else {
            let error = try? JSONDecoder().decode(ErrorBody.self, from: response.body)
            let message = error?.error.message ?? Self.snippet(response.body)
            throw .refused(peer: peer.description, request: label, status: response.status, code: error?.error.code, message: message)
        }
        do {
            return PeerReply(value: try JSONDecoder().decode(type, from: response.body), traffic: traffic)
        } catch {
            throw .malformedAnswer(peer: peer.description, request: label, detail: Self.explain(error))
        }
    }

    /// The start of a body, on one line, for error messages.
    static func snippet(_ body: Data) -> String {
        let text = String(decoding: body.prefix(200), as: UTF8.self)
            .replacingOccurrences(of: "\n", with: " ")
            .trimmingCharacters(in: .whitespaces)
        return text.isEmpty ? "(no body)" : text
    }

    /// A short explanation of a decoding failure.
    static func explain(_ error: any Error) -> String {
        guard let error = error as? DecodingError else { return "\(error)" }
        switch error {
        case .keyNotFound(let key, let context):
            return "the field \"\((context.codingPath + [key]).map(\.stringValue).joined(separator: "."))\" is missing"
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context):
            let path = context.codingPath.map(\.stringValue).joined(separator: ".")
            return path.isEmpty ? "not valid JSON (\(context.debugDescription))" : "the field \"\(path)\" is invalid: \(context.debugDescription)"
        @unknown default:
            return "\(error)"
        }
    }
}
