import Foundation

/// Who may edit the node over HTTP: the holder of the admin token, from loopback unless
/// `allowRemote` (`[admin] allow_remote = true` in the node's TOML).
public struct AdminAccess: Sendable {
    /// The admin token (`admin.token`).
    public let token: String
    /// Whether admin requests from other addresses than loopback are accepted.
    public let allowRemote: Bool

    /// Creates the access rule.
    public init(token: String, allowRemote: Bool = false) {
        self.token = token
        self.allowRemote = allowRemote
    }

    /// The decision for one request. Pure.
    ///
    /// - Parameters:
    ///   - authorization: the `Authorization` header: `Bearer <token>`, or `Basic` with any user
    ///     name and the token as password.
    ///   - fromLoopback: whether the request came from 127.0.0.0/8 or ::1.
    public func decide(authorization: String?, fromLoopback: Bool) -> AdminDecision {
        guard fromLoopback || allowRemote else { return .forbidden }
        guard let presented = Self.presentedToken(authorization), Self.constantTimeEqual(presented, token) else {
            return .unauthorized
        }
        return .allowed
    }

    /// The token an `Authorization` header presents, if it has a usable form.
    static func presentedToken(_ header: String?) -> String? {
        guard let header else { return nil }
        let parts = header.trimmingCharacters(in: .whitespaces).split(separator: " ", maxSplits: 1, omittingEmptySubsequences: true)
        guard parts.count == 2 else { return nil }
        let credentials = parts[1].trimmingCharacters(in: .whitespaces)
        switch parts[0].lowercased() {
        case "bearer":
            return credentials
        case "basic":
            guard let data = Data(base64Encoded: credentials), let text = String(data: data, encoding: .utf8),
                let colon = text.firstIndex(of: ":")
            else { return nil }
            return String(text[text.index(after: colon)...])
        default:
            return nil
        }
    }

    /// Compares two texts in time that depends only on their lengths, never on where they
    /// first differ.
    static func constantTimeEqual(_ left: String, _ right: String) -> Bool {
        let a = Array(left.utf8)
        let b = Array(right.utf8)
        var difference = UInt8(truncatingIfNeeded: a.count ^ b.count)
        let length = max(a.count, b.count)
        for index in 0..<length {
            let x = index < a.count ? a[index] : 0
            let y = index < b.count ? b[index] : 0
            difference |= x ^ y
        }
        return difference == 0 && a.count == b.count
    }

    /// Whether an IP address text is loopback (`127.0.0.0/8`, `::1`, `::ffff:127.x.x.x`).
    public static func isLoopback(_ address: String?) -> Bool {
        guard let address else { return false }
        return address.hasPrefix("127.") || address == "::1" || address.hasPrefix("::ffff:127.")
    }
}

/// The outcome of checking an admin request.
public enum AdminDecision: Hashable, Sendable {
    /// The right token from an allowed address.
    case allowed
    /// Missing or wrong credentials: 401 with a challenge.
    case unauthorized
    /// An address admin requests are not accepted from: 403.
    case forbidden
}
