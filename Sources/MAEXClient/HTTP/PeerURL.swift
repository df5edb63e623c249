import Foundation

/// The validated base URL of a peer node: `http` or `https`, a host, an optional port and path
/// prefix, no credentials, query or fragment.
///
/// `description` is the normalised form with a trailing slash (`http://127.0.0.1:8080/`), which
/// is how errors and logs name the peer.
public struct PeerURL: Sendable, Hashable, CustomStringConvertible {
    /// `http` or `https`, lower-cased.
    public let scheme: String
    /// The host as written in the URL (an IPv6 literal keeps no brackets here).
    public let host: String
    /// The explicit port, if the URL has one.
    public let port: Int?
    /// The normalised base URL, ending in `/`.
    public let description: String

    /// Validates `string` as a peer base URL.
    /// - Throws: `ClientError.invalidPeerURL` saying what is wrong with it.
    public init(_ string: String) throws(ClientError) {
        let trimmed = string.trimmingCharacters(in: .whitespaces)
        func invalid(_ reason: String) -> ClientError { .invalidPeerURL(string, reason: reason) }
        guard !trimmed.isEmpty else { throw invalid("it is empty") }
        guard trimmed.contains("://") else { throw invalid("it has no scheme; write http://host:port/") }
        guard let components = URLComponents(string: trimmed) else { throw invalid("it is not a valid URL") }
        guard let scheme = components.scheme?.lowercased() else {
            throw invalid("it has no scheme; write http://host:port/")
        }
        guard scheme == "http" || scheme == "https" else {
            throw invalid("scheme \"\(scheme)\" is not supported; only http and https are")
        }
        guard let host = components.host, !host.isEmpty else { throw invalid("it has no host") }
        guard components.user == nil, components.password == nil else {
            throw invalid("it must not contain credentials")
        }
        guard components.query == nil, components.fragment == nil else {
            throw invalid("it must not have a query or fragment")
        }
        if let port = components.port, !(1...65535).contains(port) {
            throw invalid("port \(port) is out of range")
        }
        self.scheme = scheme
        self.host = host
        self.port = components.port
        // Keep the text as written (IPv6 brackets, case of the path) but normalise the scheme and
        // make the base end in exactly one slash.
        var rest = trimmed.drop(while: { $0 != ":" })
        while rest.hasSuffix("/") { rest = rest.dropLast() }
        self.description = scheme + rest + "/"
    }

    /// The absolute URL of `path` (which may carry a query) under this peer's base URL.
    ///
    /// `PeerURL("http://h:1/prefix").url(forPath: "/sync/pull?since=3")` is
    /// `http://h:1/prefix/sync/pull?since=3`.
    public func url(forPath path: String) -> String {
        description + path.drop(while: { $0 == "/" })
    }
}
