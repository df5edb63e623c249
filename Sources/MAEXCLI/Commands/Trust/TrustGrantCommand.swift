import ArgumentParser
import Foundation
import MAEXCore
import MAEXNode

/// `maex-node trust grant`: certifies a node.
struct TrustGrantCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "grant",
        abstract: "Certify a node: its role and scope. Prints the certificate's change-set id.",
        discussion: """
            The root certifies province, fund and municipality nodes; a province hub certifies \
            municipality nodes of its province. With --out, also writes an enrollment bundle \
            (the certificate and everything it depends on) for `trust import` on the new node.

            Example:
              maex-node trust grant --data ./zeeland --node 3b6a…e1 --role municipality --scope GM0718 --out vlissingen.cert
            """
    )

    @OptionGroup var node: NodeOptions

    @Option(name: .customLong("node"), help: ArgumentHelp("The certified node's id (maex-node id on it).", valueName: "id"))
    var subject: String

    @Option(help: "municipality, province or fund.")
    var role: String

    @Option(help: ArgumentHelp("Comma-separated scope codes, e.g. GM0718 or PV29.", valueName: "codes"))
    var scope: String

    @Option(help: ArgumentHelp("Also write an enrollment bundle to this file.", valueName: "file"))
    var out: String?

    func run() throws {
        guard let trustRole = TrustRole(rawValue: role) else {
            throw ValidationError("--role must be municipality, province or fund, not \"\(role)\"")
        }
        let codes = NodeInfo.scopeCodes(from: scope)
        guard !codes.isEmpty else { throw ValidationError("--scope needs at least one code") }
        if let bad = codes.first(where: { !trustRole.isValidScopeCode($0) }) {
            throw ValidationError("\"\(bad)\" is not a scope code for a \(trustRole) node")
        }
        let nodeID = try TrustArguments.nodeID(subject)
        let session = try NodeSession.openForWriting(node)
        let signed = try session.author.authorTrust([.grant(Grant(node: nodeID, role: trustRole, scope: codes))])
        if let out {
            let bundle = TrustBundle.request(try TrustBundle.closure(of: signed.changeSet.ref, in: session.store))
            try TrustArguments.write(bundle, to: out)
        }
        print(signed.id.hex)
    }
}
