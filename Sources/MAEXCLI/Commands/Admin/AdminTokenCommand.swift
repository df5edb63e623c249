import ArgumentParser
import MAEXNode

/// `maex-node admin token`: prints the admin token, creating it for folders made before it
/// existed.
struct AdminTokenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "token",
        abstract: "Print the admin token (admin.token in the data folder; created when missing).",
        discussion: """
            Editing over HTTP needs the token: `Authorization: Bearer <token>` for the JSON write \
            API, or in a browser the user name "admin" (any name works) with the token as password \
            for the edit forms at /beheer/initiatief/<id>. By default the node accepts admin \
            requests from loopback only; `[admin] allow_remote = true` in the node's TOML allows \
            others (put a TLS proxy in front).

            Example:
              curl -H "Authorization: Bearer $(maex-node admin token --data ./vlissingen)" ...
            """
    )

    @OptionGroup var node: NodeOptions

    func run() throws {
        let directory = try NodeDirectory.open(at: node.dataURL)
        print(try AdminToken.ensure(in: directory.url))
    }
}
