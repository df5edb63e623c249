/// Where a node's HTTP server listens: a host (IPv4, `localhost`, a name, or `[IPv6]`) and a port.
public struct ListenAddress: Sendable, Hashable, CustomStringConvertible {
    /// The host to bind, without brackets for IPv6.
    public var host: String
    /// The TCP port; 0 lets the system choose a free one.
    public var port: Int

    /// Creates an address.
    public init(host: String, port: Int) {
        self.host = host
        self.port = port
    }

    /// Parses `host:port` (`127.0.0.1:8080`, `0.0.0.0:8080`, `[::1]:8080`, `localhost:8080`).
    /// - Throws: `NodeConfigurationError.invalidValue` for the key `listen`, saying what is wrong.
    public init(parsing text: String) throws(NodeConfigurationError) {
        func invalid(_ reason: String) -> NodeConfigurationError {
            .invalidValue(key: "listen", value: text, reason: reason)
        }
        guard let colon = text.lastIndex(of: ":") else { throw invalid("expected host:port, e.g. 127.0.0.1:8080") }
        var host = String(text[..<colon])
        let portText = text[text.index(after: colon)...]
        if host.hasPrefix("[") {
            guard host.hasSuffix("]"), host.count > 2 else { throw invalid("an IPv6 host must be written [address]") }
            host = String(host.dropFirst().dropLast())
        } else if host.contains(":") {
            throw invalid("write an IPv6 host in brackets: [::1]:8080")
        }
        guard !host.isEmpty, host.allSatisfy({ $0.isLetter || $0.isNumber || ".-:".contains($0) }) else {
            throw invalid("the host is empty or holds characters a host cannot have")
        }
        guard !portText.isEmpty, portText.allSatisfy(\.isASCII), let port = Int(portText), (0...65535).contains(port) else {
            throw invalid("the port must be a number from 0 to 65535")
        }
        self.init(host: host, port: port)
    }

    /// `host:port`, with brackets around an IPv6 host.
    public var description: String { host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)" }

    /// The URL a client on the same machine uses to reach this address (`0.0.0.0` and `::`
    /// become the loopback address).
    public var localURL: String {
        let reachable = switch host {
        case "0.0.0.0": "127.0.0.1"
        case "::": "::1"
        default: host
        }
        return reachable.contains(":") ? "http://[\(reachable)]:\(port)/" : "http://\(reachable):\(port)/"
    }
}
