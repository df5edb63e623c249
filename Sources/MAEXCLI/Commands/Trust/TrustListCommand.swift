import ArgumentParser
import MAEXCore
import MAEXNode
import MAEXStore

/// `maex-node trust list`: the certificates and revocations this node holds.
struct TrustListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List the certificates and revocations held.",
        discussion: """
            One line per certificate (node, role, scope, issuer and sequence, withdrawn or not) \
            and per revocation.

            Example:
              maex-node trust list --data ./zeeland --json
            """
    )

    @OptionGroup var node: NodeOptions

    @Flag(help: "Print JSON instead.")
    var json = false

    func run() throws {
        let session = try NodeSession.open(node)
        let certificates = try session.store.certificates()
        let revocations = try session.store.revocations()
        let root = session.directory.info.root
        if json {
            JSONOutput.print(.object([
                "root": .string(root.hex),
                "certificates": .array(certificates.map(Self.json)),
                "revocations": .array(revocations.map(Self.json)),
            ]))
            return
        }
        print("root \(root.hex)")
        for held in certificates {
            let state = held.isWithdrawn ? " (withdrawn)" : ""
            print("grant \(held.grant.node.hex) \(held.grant.role) \(held.grant.scope.joined(separator: ",")) by \(held.carrier)\(state)")
        }
        for held in revocations {
            let state = held.isWithdrawn ? " (withdrawn)" : ""
            print("revoke \(held.revocation.node.hex) from \(held.revocation.fromSeq) by \(held.carrier)\(state)")
        }
    }

    static func json(_ held: HeldCertificate) -> JSONValue {
        .object([
            "node": .string(held.grant.node.hex), "role": .string(held.grant.role.rawValue),
            "scope": .array(held.grant.scope.map(JSONValue.string)), "issuer": .string(held.carrier.author.hex),
            "seq": .int(held.carrier.seq), "withdrawn": .bool(held.isWithdrawn),
        ])
    }

    static func json(_ held: HeldRevocation) -> JSONValue {
        .object([
            "node": .string(held.revocation.node.hex), "from_seq": .int(held.revocation.fromSeq),
            "issuer": .string(held.carrier.author.hex), "seq": .int(held.carrier.seq), "withdrawn": .bool(held.isWithdrawn),
        ])
    }
}
