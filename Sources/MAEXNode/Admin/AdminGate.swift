import Foundation
import Hummingbird
import NIOCore

/// Checks admin credentials on a request: `Authorization: Bearer <token>` (API) or HTTP Basic
/// with the token as password (forms), from loopback unless the node allows remote admins.
struct AdminGate: Sendable {
    /// The access rule; `nil`: the node has no admin token and accepts no admin request.
    let access: AdminAccess?

    /// The challenge of the JSON API.
    static let bearerChallenge = #"Bearer realm="maex-admin""#
    /// The challenge of the HTML forms: browsers then ask for a user name and password.
    static let basicChallenge = #"Basic realm="MAEX beheer", charset="UTF-8""#

    /// The decision for `request` from `address`.
    func decide(_ request: Request, from address: SocketAddress?) -> AdminDecision {
        guard let access else { return .forbidden }
        return access.decide(authorization: request.headers[.authorization], fromLoopback: AdminAccess.isLoopback(address?.ipAddress))
    }

    /// Throws the JSON API's 401 or 403 unless the request is an allowed admin request.
    func requireAPI(_ request: Request, from address: SocketAddress?) throws {
        switch decide(request, from: address) {
        case .allowed:
            return
        case .unauthorized:
            var headers = HTTPFields()
            headers[.wwwAuthenticate] = Self.bearerChallenge
            throw APIError(
                .unauthorized, code: "unauthorized",
                message: "editing needs the node's admin token: send Authorization: Bearer <token> (maex-node admin token)",
                headers: headers)
        case .forbidden:
            throw APIError(
                .forbidden, code: "forbidden",
                message: access == nil
                    ? "this node accepts no admin requests"
                    : "admin requests are accepted from loopback only; set [admin] allow_remote = true to allow others")
        }
    }
}
