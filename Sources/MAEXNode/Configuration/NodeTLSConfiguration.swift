import MAEXClient

/// HTTPS settings of a node (the TOML file's `[tls]` table).
///
/// ```toml
/// [tls]
/// cert = "/etc/maex/tls/node.crt"   # serve HTTPS with this PEM certificate chain ...
/// key = "/etc/maex/tls/node.key"    # ... and its PEM private key (both or neither)
/// ca_file = "/etc/maex/tls/ca.pem"  # check peers against this CA (default: the system store)
///
/// [[tls.peer]]                      # per peer, overriding ca_file
/// url = "https://zeeland.example:8443/"
/// ca_file = "/etc/maex/tls/zeeland-ca.pem"
/// pinned_key = "sha256//R1r6...="   # also require this public key (CURLOPT_PINNEDPUBLICKEY)
/// ```
public struct NodeTLSConfiguration: Sendable, Hashable {
    /// The server's certificate chain (PEM), when the node terminates TLS itself.
    public var certificateFile: String?
    /// The server's private key (PEM).
    public var privateKeyFile: String?
    /// How every peer's certificate is checked unless `perPeer` says otherwise.
    public var peers: PeerTLS
    /// Settings for single peers.
    public var perPeer: [PeerURL: PeerTLS]

    /// Creates settings; the defaults serve plain HTTP and check peers against the system store.
    public init(certificateFile: String? = nil, privateKeyFile: String? = nil, peers: PeerTLS = PeerTLS(), perPeer: [PeerURL: PeerTLS] = [:]) {
        self.certificateFile = certificateFile
        self.privateKeyFile = privateKeyFile
        self.peers = peers
        self.perPeer = perPeer
    }

    /// Whether the server terminates TLS.
    public var servesTLS: Bool { certificateFile != nil }

    /// How `peer`'s certificate is checked.
    public func tls(for peer: PeerURL) -> PeerTLS { perPeer[peer] ?? peers }
}
