import Foundation

/// The parts of an HTTP request that a message signature can cover (RFC 9421 section 2).
///
/// Built by the signer from what it is about to send and by the verifier from what it
/// received; both then derive the same signature base.
public struct SignatureMessage: Sendable, Hashable {
    /// The method, e.g. `POST`.
    public var method: String
    /// The target authority normalised: host lower-cased, default port omitted (`@authority`).
    public var authority: String
    /// The absolute path as sent (`@path`); empty counts as `/`.
    public var path: String
    /// The query without its `?`, as sent; `nil` when the target has none.
    public var query: String?
    /// Header fields as received: names in any case, values as sent.
    public var fields: [(name: String, value: String)]

    /// Creates a message description.
    public init(method: String, authority: String, path: String, query: String? = nil, fields: [(name: String, value: String)] = []) {
        self.method = method
        self.authority = authority
        self.path = path
        self.query = query
        self.fields = fields
    }

    /// The canonical value of field `name` (RFC 9421 section 2.1): every line's value trimmed,
    /// joined by `", "`; `nil` when the field is absent.
    public func fieldValue(_ name: String) -> String? {
        let wanted = name.lowercased()
        let values = fields.filter { $0.name.lowercased() == wanted }
            .map { $0.value.trimmingCharacters(in: [" ", "\t"]) }
        return values.isEmpty ? nil : values.joined(separator: ", ")
    }

    /// `host[:port]` as `@authority` wants it: lower-cased, brackets around IPv6 literals, the
    /// scheme's default port (80 for http, 443 for https) left out.
    public static func authority(scheme: String, host: String, port: Int?) -> String {
        var name = host.lowercased()
        if name.contains(":"), !name.hasPrefix("[") { name = "[" + name + "]" }
        let defaultPort = scheme.lowercased() == "https" ? 443 : 80
        guard let port, port != defaultPort else { return name }
        return "\(name):\(port)"
    }

    /// Normalises a received `Host` value: lower-cased, trimmed, a trailing default port
    /// (`:80` for http, `:443` for https) removed.
    public static func normalizedAuthority(_ host: String, scheme: String = "http") -> String {
        let name = host.trimmingCharacters(in: [" ", "\t"]).lowercased()
        let suffix = scheme.lowercased() == "https" ? ":443" : ":80"
        return name.hasSuffix(suffix) ? String(name.dropLast(suffix.count)) : name
    }

    public static func == (lhs: SignatureMessage, rhs: SignatureMessage) -> Bool {
        lhs.method == rhs.method && lhs.authority == rhs.authority && lhs.path == rhs.path && lhs.query == rhs.query
            && lhs.fields.map(\.name) == rhs.fields.map(\.name) && lhs.fields.map(\.value) == rhs.fields.map(\.value)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(method)
        hasher.combine(authority)
        hasher.combine(path)
        hasher.combine(query)
        for field in fields {
            hasher.combine(field.name)
            hasher.combine(field.value)
        }
    }
}
