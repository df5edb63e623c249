import ArgumentParser

/// `maex-node trust`: certificates, revocations and key rotation.
struct TrustCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "trust",
        abstract: "Certify, revoke and list the nodes of the network.",
        discussion: """
            The national node holds the network's root key and certifies province hubs and \
            funds; a hub certifies the municipality nodes of its province. Certificates and \
            revocations are signed change sets of the issuer and travel with sync.

            Example (on the national node, then on the new hub):
              maex-node trust grant --data ./national --node <hub id> --role province --scope PV29 --out hub.cert
              maex-node trust import hub.cert --data ./zeeland
            """,
        subcommands: [
            TrustGrantCommand.self, TrustRevokeCommand.self, TrustRotateCommand.self, TrustListCommand.self,
            TrustImportCommand.self,
        ]
    )
}
