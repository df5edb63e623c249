/// How the client checks a peer's HTTPS certificate.
///
/// libcurl always verifies the certificate chain and the host name (`CURLOPT_SSL_VERIFYPEER`,
/// `CURLOPT_SSL_VERIFYHOST`); these settings only choose what it is checked against. With no
/// `caFile` the system's CA store is used; `pinnedPublicKey` additionally requires the peer's
/// public key to be the one named (`CURLOPT_PINNEDPUBLICKEY`: `sha256//<base64>` hashes, `;`
/// separated, or the path of a PEM/DER public key file). Plain `http://` peers ignore them.
public struct PeerTLS: Sendable, Hashable {
    /// A PEM file of the CA certificates to trust instead of the system store.
    public var caFile: String?
    /// The peer's expected public key (see the type's documentation).
    public var pinnedPublicKey: String?

    /// Creates settings; the defaults verify against the system's CA store.
    public init(caFile: String? = nil, pinnedPublicKey: String? = nil) {
        self.caFile = caFile
        self.pinnedPublicKey = pinnedPublicKey
    }
}
