import ArgumentParser
import MAEXCore
import MAEXNode
import MAEXStore

/// `maex-node trust revoke`: withdraws a node's authority from one of its sequence numbers on.
struct TrustRevokeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "revoke",
        abstract: "Revoke a node from a sequence number on. Prints the revocation's change-set id.",
        discussion: """
            Change sets of the node before --from-seq stay; those from it on are retracted on \
            every node that learns of the revocation (its register is re-derived), also weeks \
            later. The root or the node's issuer may revoke.

            Example:
              maex-node trust revoke --data ./zeeland --node 3b6a…e1 --from-seq 42
            """
    )

    @OptionGroup var node: NodeOptions

    @Option(name: .customLong("node"), help: ArgumentHelp("The revoked node's id.", valueName: "id"))
    var subject: String

    @Option(help: ArgumentHelp("The first sequence number no longer valid (1 revokes all).", valueName: "n"))
    var fromSeq: Int64

    func run() throws {
        guard fromSeq >= 1 else { throw ValidationError("--from-seq must be at least 1") }
        let nodeID = try TrustArguments.nodeID(subject)
        let session = try NodeSession.openForWriting(node)
        let signed = try session.author.authorTrust([.revoke(Revocation(node: nodeID, fromSeq: fromSeq))])
        print(signed.id.hex)
    }
}
