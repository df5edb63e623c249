import Foundation
import MAEXClient
import MAEXCore
import MAEXNode

/// What `serve` runs with: the configuration file (if any) with the command line's options
/// laid over it.
struct ServeSettings {
    /// The data folder.
    var dataPath: String
    /// Where to listen.
    var listen: ListenAddress
    /// The peers.
    var peers: [PeerURL]
    /// The time between rounds.
    var syncInterval: Duration
    /// Pull only these authors' change sets; `nil` pulls every author's.
    var authors: Set<NodeID>?
    /// Signed sync requests and rate limits (the file's `[auth]`, or the defaults).
    var peerAuth: PeerAuthConfiguration
    /// Whether admin requests from other addresses than loopback are accepted (`[admin]
    /// allow_remote` of the file).
    var allowRemoteAdmin: Bool { file?.allowRemoteAdmin ?? false }
    /// The configuration file's contents, when one was given (to create the node on first start).
    var file: NodeConfiguration?
    /// The network's root for a node created on first start (`--root`, else the file's).
    var root: NodeID?
    /// HTTPS: the server's certificate and how peers are checked (the file's `[tls]`, with
    /// `--tls-cert`, `--tls-key` and `--peer-ca-file` over it).
    var tls = NodeTLSConfiguration()

    /// The defaults when no configuration file is given.
    static let defaultDataPath = "./maex-data"
    static let defaultListen = ListenAddress(host: "127.0.0.1", port: 8080)
    static let defaultSyncInterval: Duration = .seconds(30)

    /// Reads the configuration file (if any) and applies the command line's options over it.
    init(
        config: String?, data: String?, listen: String?, peers: [String], syncInterval: Double?, authors: [String] = [],
        root: String? = nil
    ) throws {
        let file = try config.map { path throws(NodeConfigurationError) in try NodeConfiguration(tomlFile: path) }
        self.file = file
        if let root {
            do { self.root = try NodeID(hex: root) } catch {
                throw NodeConfigurationError.invalidValue(key: "--root", value: root, reason: "not a node id: \(error)")
            }
        } else {
            self.root = file?.root
        }
        peerAuth = file?.peerAuth ?? PeerAuthConfiguration()
        dataPath = data ?? file?.dataPath ?? Self.defaultDataPath
        self.listen = try listen.map { text throws(NodeConfigurationError) in try ListenAddress(parsing: text) }
            ?? file?.listen ?? Self.defaultListen
        if peers.isEmpty {
            self.peers = file?.peers ?? []
        } else {
            self.peers = try peers.map { url throws(ClientError) in try PeerURL(url) }
        }
        if let syncInterval {
            guard syncInterval > 0, syncInterval <= 86_400 else {
                throw NodeConfigurationError.invalidValue(
                    key: "--sync-interval", value: "\(syncInterval)", reason: "expected 0 < seconds <= 86400")
            }
            self.syncInterval = .milliseconds(Int64((syncInterval * 1000).rounded()))
        } else {
            self.syncInterval = file?.syncInterval ?? Self.defaultSyncInterval
        }
        tls = file?.tls ?? NodeTLSConfiguration()
        if authors.isEmpty {
            self.authors = file?.authors
        } else {
            self.authors = try NodeConfiguration.parseAuthors(authors, key: "--author")
        }
    }
}

extension ServeSettings {
    /// Lays the TLS options of the command line over the file's `[tls]`.
    mutating func applyTLS(cert: String?, key: String?, peerCAFile: String?) throws {
        if cert != nil || key != nil {
            guard let cert, let key else {
                throw NodeConfigurationError.invalidValue(key: cert == nil ? "--tls-cert" : "--tls-key", value: "(missing)", reason: "give both --tls-cert and --tls-key")
            }
            tls.certificateFile = cert
            tls.privateKeyFile = key
        }
        if let peerCAFile { tls.peers.caFile = peerCAFile }
    }
}
