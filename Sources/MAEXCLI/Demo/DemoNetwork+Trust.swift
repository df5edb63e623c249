import Foundation
import MAEXCore
import MAEXNode
import MAEXStore

extension DemoNetwork {
    /// Certifies every node as `maex-node trust grant --out` and `trust import` would: the
    /// national node (the root) certifies the hub and the fund, the hub its municipalities.
    /// - Returns: one line per certificate, for the narration.
    func enroll() throws -> [String] {
        var lines: [String] = []
        for issuer in nodes where issuer.role == .national || issuer.role == .province {
            let subjects = nodes.filter { subject in
                issuer.role == .national ? (subject.role == .province || subject.role == .fund) : subject.role == .municipality
            }
            for subject in subjects {
                let info = try NodeDirectory.open(at: folder(subject.key)).info
                guard let role = info.trustRole else { continue }
                let bundle = try withStopped(issuer.key) { directory, store -> [SignedChangeSet] in
                    let author = directory.makeAuthor(store: store, logger: logger)
                    let signed = try author.authorTrust([.grant(Grant(node: info.nodeID, role: role, scope: info.scope))])
                    return try TrustBundle.closure(of: signed.changeSet.ref, in: store)
                }
                // Every node gets the certificate now (as sync would bring it), so the first pushes
                // between them are already from members.
                for node in nodes where node.key != issuer.key { try importBundle(bundle, into: node.key) }
                lines.append("\(issuer.name) → \(subject.name): \(role) \(info.scope.joined(separator: ","))")
            }
        }
        return lines
    }

    /// Runs `body` on a node's folder and store while it is not served.
    func withStopped<T>(_ key: String, _ body: (NodeDirectory, NodeStore) throws -> T) throws -> T {
        let directory = try NodeDirectory.open(at: folder(key))
        let lock = try ServeLock.write(directory)
        defer { withExtendedLifetime(lock) {} }
        return try body(directory, try directory.openStore(logger: logger))
    }

    private func importBundle(_ bundle: [SignedChangeSet], into key: String) throws {
        let missing = try withStopped(key) { _, store in
            _ = try store.receive(bundle, nowMilliseconds: LocalAuthor.systemMilliseconds())
            let heads = try store.vector()
            return bundle.filter { (heads[$0.changeSet.author]?.seq ?? 0) < $0.changeSet.seq }
        }
        if let first = missing.first { throw DemoError.enrolment(key, "change set \(first.changeSet.ref) is not held") }
    }
}
