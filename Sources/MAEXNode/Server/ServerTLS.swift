import Foundation
import Hummingbird
import HummingbirdCore
import HummingbirdTLS

/// The server side of HTTPS: the node terminates TLS itself with a PEM certificate chain and
/// private key (`serve --tls-cert --tls-key`, or `[tls] cert` and `key` in the node's file).
///
/// The files are read once, when the node starts, so a bad file stops the start with
/// `ServerTLSError` instead of failing every connection. A node may instead serve plain HTTP
/// on loopback behind a reverse proxy that terminates TLS (see `docker/README.md`).
public struct ServerTLS: Sendable, Equatable {
    /// The certificate chain file (PEM, the node's certificate first).
    public let certificateFile: String
    /// The private key file (PEM).
    public let privateKeyFile: String
    /// The HTTP/1.1 server over TLS.
    let server: HTTPServerBuilder

    /// Reads the certificate chain and key and prepares the server, HTTP/1.1 as `http1` (the
    /// node's `NodeServerConfiguration.http1Channel`: its timeouts and connection handlers).
    /// - Throws: `ServerTLSError` naming the file at fault.
    public init(certificateFile: String, privateKeyFile: String, http1: HTTP1Channel.Configuration) throws(ServerTLSError) {
        self.certificateFile = certificateFile
        self.privateKeyFile = privateKeyFile
        let chain: [NIOSSLCertificate]
        do { chain = try NIOSSLCertificate.fromPEMFile(certificateFile) } catch {
            throw .unreadable(path: certificateFile, what: "certificate chain", reason: "\(error)")
        }
        guard !chain.isEmpty else { throw .unreadable(path: certificateFile, what: "certificate chain", reason: "it holds no PEM certificate") }
        let key: NIOSSLPrivateKey
        do { key = try NIOSSLPrivateKey(file: privateKeyFile, format: .pem) } catch {
            throw .unreadable(path: privateKeyFile, what: "private key", reason: "\(error)")
        }
        let configuration = TLSConfiguration.makeServerConfiguration(certificateChain: chain.map { .certificate($0) }, privateKey: .privateKey(key))
        do {
            server = try .tls(.http1(configuration: http1), tlsConfiguration: configuration)
        } catch {
            throw .unreadable(path: certificateFile, what: "TLS configuration", reason: "\(error)")
        }
    }

    public static func == (lhs: ServerTLS, rhs: ServerTLS) -> Bool {
        lhs.certificateFile == rhs.certificateFile && lhs.privateKeyFile == rhs.privateKeyFile
    }
}

/// Why the node cannot serve HTTPS.
public enum ServerTLSError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A file cannot be read or does not hold what it should.
    case unreadable(path: String, what: String, reason: String)

    public var description: String {
        switch self {
        case .unreadable(let path, let what, let reason): "cannot use \(path) as the TLS \(what): \(reason)"
        }
    }
}
