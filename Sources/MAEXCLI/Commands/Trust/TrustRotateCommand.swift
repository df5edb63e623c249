import ArgumentParser
import Foundation
import MAEXCore
import MAEXNode
import MAEXStore

/// `maex-node trust rotate`: moves a node to a new key, in three steps.
struct TrustRotateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rotate",
        abstract: "Move a node to a new key: prepare on the node, countersign on its issuer, activate on the node.",
        discussion: """
            1. On the node: `--prepare --out request.json` makes the next key and a request \
            signed by the current key, effective from the node's next sequence number. The node \
            refuses edits until the rotation is active.
            2. On the issuer (the hub for a municipality, the national node for a hub or fund): \
            `--request request.json [--out rotation.cert]` countersigns it as a signed change set.
            3. On the node, once it holds that change set (by sync, or `--bundle rotation.cert`): \
            `--activate` switches node.key and node.json to the new key.

            The old key's earlier change sets keep counting; later ones are rejected everywhere.

            Example:
              maex-node trust rotate --data ./vlissingen --prepare --out request.json
              maex-node trust rotate --data ./zeeland --request request.json --out rotation.cert
              maex-node trust rotate --data ./vlissingen --activate --bundle rotation.cert
            """
    )

    @OptionGroup var node: NodeOptions

    @Flag(help: "Step 1, on the node: make the next key and the request.")
    var prepare = false

    @Option(help: ArgumentHelp("Step 2, on the issuer: the request file to countersign.", valueName: "file"))
    var request: String?

    @Flag(help: "Step 3, on the node: switch to the new key.")
    var activate = false

    @Option(help: ArgumentHelp("With --prepare: where to write the request; with --request: a bundle for the node.", valueName: "file"))
    var out: String?

    @Option(help: ArgumentHelp("With --activate: a bundle holding the countersigned rotation.", valueName: "file"))
    var bundle: String?

    func validate() throws {
        guard [prepare, request != nil, activate].count(where: { $0 }) == 1 else {
            throw ValidationError("give exactly one of --prepare, --request FILE and --activate")
        }
        if prepare, out == nil { throw ValidationError("--prepare needs --out FILE for the request") }
    }

    func run() throws {
        if prepare { try runPrepare() } else if let request { try runCountersign(request) } else { try runActivate() }
    }

    private func runPrepare() throws {
        let session = try NodeSession.openForWriting(node, allowRotating: true)
        let info = session.directory.info
        guard let role = info.trustRole else { throw TrustCommandError("the national node holds the root key, which cannot be rotated") }
        let next = try session.directory.prepareRotation()
        let fromSeq = (try session.store.vector()[info.nodeID]?.seq ?? 0) + 1
        let request = RotationRequest(realm: info.realm, oldKey: session.directory.signingKey, new: next.nodeID, role: role, scope: info.scope, fromSeq: fromSeq)
        try TrustArguments.writeJSON(request, to: out ?? "")
        print(next.nodeID.hex)
    }

    private func runCountersign(_ path: String) throws {
        let request: RotationRequest = try TrustArguments.readJSON(path)
        let session = try NodeSession.openForWriting(node)
        let signed = try session.author.authorTrust([.rotate(try request.rotation())])
        if let out {
            try TrustArguments.write(TrustBundle.request(try TrustBundle.closure(of: signed.changeSet.ref, in: session.store)), to: out)
        }
        print(signed.id.hex)
    }

    private func runActivate() throws {
        let session = try NodeSession.openForWriting(node, allowRotating: true)
        guard session.directory.isRotating else { throw TrustCommandError("no rotation is prepared: run trust rotate --prepare first") }
        if let bundle { try TrustImportCommand.importBundle(bundle, into: session.store) }
        let next = try session.directory.nextKey()
        guard try session.store.certificates(of: next.nodeID).contains(where: { !$0.isWithdrawn }) else {
            throw TrustCommandError("the store holds no countersigned rotation for \(next.nodeID.hex) yet: sync with the issuer or pass --bundle")
        }
        let active = try session.directory.activateRotation()
        print(active.nodeID.hex)
    }
}
