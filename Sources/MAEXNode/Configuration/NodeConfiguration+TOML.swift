import Foundation
import MAEXClient
import MAEXCore
import TOMLKit

extension NodeConfiguration {
    /// Reads and checks a node configuration file.
    /// - Throws: `NodeConfigurationError` naming the file, and the line or key at fault.
    public init(tomlFile path: String) throws(NodeConfigurationError) {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw .unreadable(path: path, reason: (error as NSError).localizedDescription)
        }
        do {
            try self.init(toml: text, path: path)
        } catch let error {
            switch error {
            case .syntax, .unreadable, .inFile: throw error
            default: throw .inFile(path: path, error)
            }
        }
    }

    /// Parses configuration text; `path` only names the source in syntax errors.
    ///
    /// Strict: unknown keys and values of the wrong type are errors, so a typo never silently
    /// falls back to a default.
    public init(toml text: String, path: String = "(text)") throws(NodeConfigurationError) {
        let table: TOMLTable
        do {
            table = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            throw .syntax(path: path, line: error.source.begin.line, column: error.source.begin.column, message: error.description)
        } catch {
            throw .syntax(path: path, line: 0, column: 0, message: "\(error)")
        }
        let top = TOMLReader(table: table, prefix: "")
        try top.rejectUnknown([
            "name", "role", "scope", "realm", "root", "listen", "data", "sync", "auth", "admin", "open_data", "partners", "privacy", "tls",
        ])
        let roleWord = try top.string("role")
        guard let role = NodeRole(rawValue: roleWord) else {
            throw .invalidValue(
                key: "role", value: roleWord,
                reason: "expected one of \(NodeRole.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        let listen = try ListenAddress(parsing: top.string("listen"))
        var root: NodeID?
        if let hex = try top.optionalString("root") {
            do { root = try NodeID(hex: hex) } catch {
                throw .invalidValue(key: "root", value: hex, reason: "not a node id (the national node's 64-hex id): \(error)")
            }
        }
        var peers: [PeerURL] = []
        var interval = NodeConfiguration.defaultSyncInterval
        var authors: Set<NodeID>?
        if let sync = try top.table("sync") {
            try sync.rejectUnknown(["peers", "interval", "authors"])
            for url in try sync.strings("peers") ?? [] {
                do { peers.append(try PeerURL(url)) } catch {
                    throw .invalidValue(key: "sync.peers", value: url, reason: error.description)
                }
            }
            if let seconds = try sync.number("interval") {
                guard seconds > 0, seconds <= 86_400 else {
                    throw .invalidValue(key: "sync.interval", value: "\(seconds)", reason: "expected 0 < seconds <= 86400")
                }
                interval = .milliseconds(Int64((seconds * 1000).rounded()))
            }
            if let ids = try sync.strings("authors") {
                authors = try NodeConfiguration.parseAuthors(ids, key: sync.key("authors"))
            }
        }
        let peerAuth = try top.table("auth").map { table throws(NodeConfigurationError) in try Self.peerAuth(table) }
            ?? PeerAuthConfiguration()
        try self.init(
            name: top.string("name"), role: role, scope: top.strings("scope") ?? [],
            realm: top.optionalString("realm") ?? NodeInfo.defaultRealm, root: root, listen: listen, dataPath: top.string("data"),
            peers: peers, syncInterval: interval, authors: authors, peerAuth: peerAuth)
        if let admin = try top.table("admin") {
            try admin.rejectUnknown(["allow_remote"])
            allowRemoteAdmin = try admin.bool("allow_remote") ?? false
        }
        if let openData = try top.table("open_data") {
            try openData.rejectUnknown(["licence", "licence_url"])
            let name = try openData.string("licence")
            let url = try openData.string("licence_url")
            guard url.hasPrefix("https://") || url.hasPrefix("http://") else {
                throw .invalidValue(key: openData.key("licence_url"), value: url, reason: "expected the licence's web address (https://...)")
            }
            openDataLicence = OpenDataLicence(name: name, url: url)
        }
        partners = try Self.partners(top)
        if let notice = try top.table("privacy") {
            try notice.rejectUnknown(["controller", "contact_email", "officer_email", "retention"])
            privacy = try PrivacyNotice(
                controller: notice.optionalString("controller"), contactEmail: notice.optionalString("contact_email"),
                officerEmail: notice.optionalString("officer_email"), retention: notice.optionalString("retention"))
        }
        if let table = try top.table("tls") { tls = try Self.tls(table) }
    }

    /// The `[tls]` table.
    private static func tls(_ table: TOMLReader) throws(NodeConfigurationError) -> NodeTLSConfiguration {
        try table.rejectUnknown(["cert", "key", "ca_file", "pinned_key", "peer"])
        var tls = NodeTLSConfiguration(
            certificateFile: try table.optionalString("cert"), privateKeyFile: try table.optionalString("key"),
            peers: PeerTLS(caFile: try table.optionalString("ca_file"), pinnedPublicKey: try table.optionalString("pinned_key")))
        guard (tls.certificateFile == nil) == (tls.privateKeyFile == nil) else {
            throw .invalidValue(key: table.key(tls.certificateFile == nil ? "cert" : "key"), value: "(missing)", reason: "give both cert and key, or neither")
        }
        for peer in try table.tables("peer") {
            try peer.rejectUnknown(["url", "ca_file", "pinned_key"])
            let text = try peer.string("url")
            let url: PeerURL
            do { url = try PeerURL(text) } catch { throw .invalidValue(key: peer.key("url"), value: text, reason: error.description) }
            tls.perPeer[url] = PeerTLS(caFile: try peer.optionalString("ca_file") ?? tls.peers.caFile, pinnedPublicKey: try peer.optionalString("pinned_key"))
        }
        return tls
    }

    /// The `[auth]` table.
    private static func peerAuth(_ table: TOMLReader) throws(NodeConfigurationError) -> PeerAuthConfiguration {
        try table.rejectUnknown(["authorities", "admit_unknown_peers", "address_rate", "address_burst", "node_rate", "node_burst"])
        var auth = PeerAuthConfiguration()
        if let authorities = try table.strings("authorities") {
            if let bad = authorities.first(where: { $0.isEmpty || $0.contains("/") || $0.contains(where: \.isWhitespace) }) {
                throw .invalidValue(key: table.key("authorities"), value: bad, reason: "expected host or host:port, as peers write it in their URL")
            }
            auth = PeerAuthConfiguration(authorities: authorities)
        }
        if let admits = try table.bool("admit_unknown_peers") { auth.admitsUnknownPeers = admits }
        func rate(_ rateKey: String, _ burstKey: String, _ current: RateLimit) throws(NodeConfigurationError) -> RateLimit {
            let perSecond = try table.number(rateKey) ?? current.perSecond
            let burst = try table.number(burstKey) ?? Double(current.burst)
            guard perSecond > 0, perSecond <= 1_000_000 else {
                throw .invalidValue(key: table.key(rateKey), value: "\(perSecond)", reason: "expected requests per second above 0")
            }
            guard burst >= 1, burst <= 1_000_000 else {
                throw .invalidValue(key: table.key(burstKey), value: "\(burst)", reason: "expected at least 1 request")
            }
            return RateLimit(burst: Int(burst), perSecond: perSecond)
        }
        auth.perAddress = try rate("address_rate", "address_burst", auth.perAddress)
        auth.perNode = try rate("node_rate", "node_burst", auth.perNode)
        return auth
    }
}

extension NodeConfiguration {
    /// The `[[partners]]` tables: slug, name, area (codes) and goals (SDG numbers).
    private static func partners(_ top: TOMLReader) throws(NodeConfigurationError) -> [PartnerGoals] {
        guard let value = top.table["partners"] else { return [] }
        guard let array = value.array else { throw .wrongType(key: "partners", expected: "an array of tables ([[partners]])") }
        var result: [PartnerGoals] = []
        for (index, element) in array.enumerated() {
            guard let table = element.table else { throw .wrongType(key: "partners", expected: "an array of tables ([[partners]])") }
            let reader = TOMLReader(table: table, prefix: "partners[\(index)]")
            try reader.rejectUnknown(["slug", "name", "area", "goals"])
            guard let goalValues = table["goals"]?.array else { throw .wrongType(key: reader.key("goals"), expected: "an array of SDG numbers") }
            var goals: [Int] = []
            for goal in goalValues {
                guard let number = goal.int else { throw .wrongType(key: reader.key("goals"), expected: "an array of SDG numbers") }
                goals.append(number)
            }
            let slug = try reader.string("slug")
            switch PartnerGoals.make(slug: slug, name: try reader.string("name"), area: try reader.strings("area") ?? [], goals: goals) {
            case .success(let partner):
                guard !result.contains(where: { $0.slug == partner.slug }) else {
                    throw .invalidValue(key: reader.key("slug"), value: slug, reason: "another partner has this slug")
                }
                result.append(partner)
            case .failure(let problem): throw .invalidValue(key: reader.key("goals"), value: slug, reason: problem.description)
            }
        }
        return result
    }
}

/// Typed, strict access to one TOML table, naming keys by their dotted path in errors.
private struct TOMLReader {
    let table: TOMLTable
    let prefix: String

    func key(_ name: String) -> String { prefix.isEmpty ? name : "\(prefix).\(name)" }

    func rejectUnknown(_ known: Set<String>) throws(NodeConfigurationError) {
        if let unknown = table.keys.sorted().first(where: { !known.contains($0) }) { throw .unknownKey(key(unknown)) }
    }

    func optionalString(_ name: String) throws(NodeConfigurationError) -> String? {
        guard let value = table[name] else { return nil }
        guard let text = value.string else { throw .wrongType(key: key(name), expected: "a string") }
        return text
    }

    func string(_ name: String) throws(NodeConfigurationError) -> String {
        guard let text = try optionalString(name) else { throw .missingKey(key(name)) }
        return text
    }

    func strings(_ name: String) throws(NodeConfigurationError) -> [String]? {
        guard let value = table[name] else { return nil }
        guard let array = value.array else { throw .wrongType(key: key(name), expected: "an array of strings") }
        var result: [String] = []
        for element in array {
            guard let text = element.string else { throw .wrongType(key: key(name), expected: "an array of strings") }
            result.append(text)
        }
        return result
    }

    func bool(_ name: String) throws(NodeConfigurationError) -> Bool? {
        guard let value = table[name] else { return nil }
        guard let flag = value.bool else { throw .wrongType(key: key(name), expected: "true or false") }
        return flag
    }

    func number(_ name: String) throws(NodeConfigurationError) -> Double? {
        guard let value = table[name] else { return nil }
        if let integer = value.int { return Double(integer) }
        if let double = value.double, double.isFinite { return double }
        throw .wrongType(key: key(name), expected: "a number of seconds")
    }

    /// An array of tables (`[[name]]`), empty when absent.
    func tables(_ name: String) throws(NodeConfigurationError) -> [TOMLReader] {
        guard let value = table[name] else { return [] }
        guard let array = value.array else { throw .wrongType(key: key(name), expected: "an array of tables ([[\(key(name))]])") }
        var result: [TOMLReader] = []
        for (index, element) in array.enumerated() {
            guard let nested = element.table else { throw .wrongType(key: key(name), expected: "an array of tables ([[\(key(name))]])") }
            result.append(TOMLReader(table: nested, prefix: "\(key(name))[\(index)]"))
        }
        return result
    }

    func table(_ name: String) throws(NodeConfigurationError) -> TOMLReader? {
        guard let value = table[name] else { return nil }
        guard let nested = value.table else { throw .wrongType(key: key(name), expected: "a table ([\(key(name))])") }
        return TOMLReader(table: nested, prefix: key(name))
    }
}
