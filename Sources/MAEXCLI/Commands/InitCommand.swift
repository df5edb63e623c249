import ArgumentParser
import Foundation
import Logging
import MAEXStore
import MAEXCore
import MAEXNode

/// `maex-node init`: creates a node in an empty data folder.
struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Create a new node: a fresh key, node.json and an empty store. Prints the node id.",
        discussion: """
            Refuses to touch a folder that already holds a node. The secret key is written to \
            node.key (readable by its owner only) and is never printed.

            Scope codes by role: municipality GM0718 (CBS codes), province PV29, national NL, \
            fund a lowercase word naming the fund.

            Every node belongs to one network: the national node creates its root key (its own \
            key); every other node names it with --root and then needs a certificate (see \
            `maex-node trust`) before its edits count.

            Example:
              maex-node init --data ./national --name "MAEX Nederland" --role national --scope NL
              maex-node init --data ./vlissingen --name "Gemeente Vlissingen" --role municipality --scope GM0718 \\
                --root <id of the national node>
            """
    )

    @OptionGroup var node: NodeOptions

    @Option(help: "The node's name, e.g. \"Gemeente Vlissingen\".")
    var name: String

    @Option(help: "municipality, province, national or fund.")
    var role: NodeRole

    @Option(help: ArgumentHelp("Comma-separated scope codes, e.g. GM0718 or GM0716,GM0718.", valueName: "codes"))
    var scope: String

    @Option(help: "The network the node joins.")
    var realm: String = NodeInfo.defaultRealm

    @Option(help: ArgumentHelp("The network's root: the national node's id (not for --role national).", valueName: "id"))
    var root: String?

    func run() throws {
        let logger = CLILogging.logger
        var rootID: NodeID?
        if let root {
            do { rootID = try NodeID(hex: root) } catch { throw ValidationError("--root: \"\(root.prefix(70))\" is not a node id: \(error)") }
        }
        let directory = try NodeDirectory.create(
            at: node.dataURL, name: name, role: role, scope: NodeInfo.scopeCodes(from: scope), realm: realm, root: rootID)
        _ = try directory.openStore(logger: logger)
        logger.info("node created", metadata: ["node.id": "\(directory.nodeID.hex)", "node.path": "\(directory.url.path)"])
        print(directory.nodeID.hex)
    }
}
