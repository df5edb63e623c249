import Foundation
import HTTPTypes
import Hummingbird
import Logging
import MAEXCore
import MAEXWire
import NIOCore

/// Authenticates the sync requests of peers (HTTP Message Signatures, RFC 9421) and limits
/// their rate. In order, cheapest first:
///
/// 1. the per-address rate limit (429),
/// 2. the signature headers, algorithm, key id, validity window, covered components and
///    authority (401), all before the body is read,
/// 3. the body (within the size limit), its `Content-Digest`, then the Ed25519 signature (401),
/// 4. the per-node rate limit (429),
/// 5. the node's standing in the `PeerDirectory` (403),
/// 6. the nonce: a request seen before is a replay (401).
struct PeerAuthMiddleware<Context: RequestContext>: RouterMiddleware {
    let configuration: PeerAuthConfiguration
    let directory: any PeerDirectory
    let state: PeerAuthState
    let realm: String
    let maxBodyBytes: Int
    /// Unix time in milliseconds (the node's wall clock), for signature windows and nonces.
    let wallClock: @Sendable () -> Int64
    /// A monotonic time in milliseconds, for the rate limits.
    let monotonicClock: @Sendable () -> Int64
    let logger: Logger

    /// The middleware of the node served by `dependencies`.
    init(_ dependencies: ServerDependencies) {
        configuration = dependencies.configuration.peerAuth
        directory = dependencies.node.peerDirectory
        state = dependencies.peerAuth
        realm = dependencies.node.info.realm
        maxBodyBytes = dependencies.configuration.maxBodyBytes
        wallClock = dependencies.node.wallClock
        monotonicClock = dependencies.monotonicClock
        logger = dependencies.logger
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard configuration.isRequired else { return try await next(request, context) }
        let address = Self.address(of: context)
        if case .limited(let wait) = state.takeAddress(address, now: monotonicClock()) {
            throw APIError.rateLimited(retryAfterMilliseconds: wait, what: "from this address")
        }
        let now = wallClock() / 1000
        let checked: SignaturePolicy.Checked
        do {
            let signature = try RequestSignature.parse(
                signatureInput: Self.field("signature-input", of: request), signature: Self.field("signature", of: request))
            checked = try configuration.signaturePolicy.check(
                signature, message: Self.message(of: request), hasBody: request.method != .get && request.method != .head, now: now,
                acceptsAuthority: { configuration.accepts(authority: $0, boundPort: state.boundPort) })
        } catch {
            throw refuse(error, address: address)
        }
        var request = request
        if let length = request.headers[.contentLength].flatMap({ Int($0) }), length > maxBodyBytes {
            throw APIError.bodyTooLarge(limit: maxBodyBytes)
        }
        let body = try await request.collectBody(upTo: maxBodyBytes)
        let signer: NodeID
        do {
            signer = try configuration.signaturePolicy.verify(
                checked, contentDigest: Self.field("content-digest", of: request), body: body.readableBytesView)
        } catch {
            throw refuse(error, address: address)
        }
        if case .limited(let wait) = state.takeNode(signer.hex, now: monotonicClock()) {
            throw APIError.rateLimited(retryAfterMilliseconds: wait, what: "from node \(signer.hex)")
        }
        let standing = try await directory.standing(of: signer)
        let pushes = request.uri.path == RouteCatalog.push.path
        // Membership gates pushes only: the sync state is as public as the register it encodes,
        // and a revoked node must still be able to learn of its revocation.
        if pushes, standing == .revoked || (standing == .unknown && !configuration.admitsUnknownPeers) {
            logger.info("refused a peer", metadata: ["peer.id": "\(signer.hex)", "peer.standing": "\(standing)"])
            throw APIError.forbidden(standing, node: signer.hex)
        }
        let forgetAt = checked.expires + configuration.signaturePolicy.clockSkew
        switch state.useNonce(checked.nonce, signer: signer.hex, forgetAt: forgetAt, now: now) {
        case .fresh: break
        case .replayed: throw refuse(MessageSignatureError.replayed, address: address)
        case .full(let seconds): throw APIError.rateLimited(retryAfterMilliseconds: seconds * 1000, what: "with fresh signatures")
        }
        return try await next(request, context)
    }

    private func refuse(_ error: MessageSignatureError, address: String) -> APIError {
        logger.debug("refused a signed request", metadata: ["client.address": "\(address)", "error.code": "\(error.code)"])
        return APIError.unauthenticated(error, realm: realm)
    }

    /// The value of the field `name` (lower case), its lines joined by `", "`; `nil` if absent.
    static func field(_ name: String, of request: Request) -> String? {
        let values = request.headers.filter { $0.name.canonicalName == name }.map(\.value)
        return values.isEmpty ? nil : values.joined(separator: ", ")
    }

    /// What the signature covers, from the request as received.
    static func message(of request: Request) -> SignatureMessage {
        let target = request.head.path ?? "/"
        let path: String
        var query: String?
        if let mark = target.firstIndex(of: "?") {
            path = String(target[..<mark])
            query = String(target[target.index(after: mark)...])
        } else {
            path = target
        }
        let fields = request.headers.map { (name: $0.name.canonicalName, value: $0.value) }
        let authority = SignatureMessage.normalizedAuthority(request.head.authority ?? "", scheme: request.head.scheme ?? "http")
        return SignatureMessage(method: request.method.rawValue, authority: authority, path: path, query: query, fields: fields)
    }

    /// The client's IP address, or `unknown` (tests without a socket).
    static func address(of context: Context) -> String {
        (context as? any RemoteAddressRequestContext)?.remoteAddress?.ipAddress ?? "unknown"
    }
}
