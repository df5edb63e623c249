import ArgumentParser
import Dispatch
import Foundation
import Logging

/// `maex-node demo`: runs the Zeeland network on this machine and narrates what happens.
struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Run a five-node Zeeland network on 127.0.0.1 and show offline edits, a conflict and convergence.",
        discussion: """
            Starts the national node, the Zeeland hub, Vlissingen, Tholen and a fund node as \
            separate processes of this program, each with its own data folder under --data, with \
            example initiatives. Then Vlissingen edits while offline, the hub edits the same \
            field, they sync, every node shows the same digest, and the conflict is shown. The \
            nodes keep running until Ctrl-C (or stop after the show with --once); every process \
            the demo started is stopped.

            Example:
              maex-node demo
              maex-node demo --once --base-port 18081 --data /tmp/maex-demo
            """
    )

    @Flag(help: "Stop the nodes and exit after the show.")
    var once = false

    @Option(help: ArgumentHelp("The first of five consecutive ports on 127.0.0.1.", valueName: "port"))
    var basePort: Int = 8081

    @Option(help: ArgumentHelp("The folder for the nodes' data and logs (emptied at start).", valueName: "dir"))
    var data: String = "./demo-data"

    @Option(help: ArgumentHelp("Seconds between the nodes' sync rounds.", valueName: "seconds"))
    var syncInterval: Double = 1

    func validate() throws {
        guard (1024...65530).contains(basePort) else { throw ValidationError("--base-port must be from 1024 to 65530") }
        guard syncInterval > 0, syncInterval <= 60 else { throw ValidationError("--sync-interval must be from 0 to 60 seconds") }
    }

    func run() throws {
        var logger = CLILogging.logger
        logger.logLevel = min(logger.logLevel, .error)
        let network = try DemoNetwork(
            nodes: DemoNode.zeeland(basePort: basePort), root: URL(fileURLWithPath: data).standardizedFileURL,
            syncInterval: syncInterval, logger: logger)
        let signals = DemoSignals.install {
            Console.line("\nDe demo stopt alle nodes… (stopping every node)")
            network.stopAll()
            Foundation.exit(0)
        }
        defer { withExtendedLifetime(signals) {} }
        do {
            try AsyncBridge.run { try await DemoScript(network: network).run() }
        } catch {
            network.stopAll()
            throw error
        }
        if once {
            network.stopAll()
            Console.line("\nKlaar: alle nodes zijn gestopt. (done: every node stopped)")
            return
        }
        Console.line("\nDe nodes draaien door; Ctrl-C stopt ze allemaal. (the nodes keep running; Ctrl-C stops them all)")
        while true { Thread.sleep(forTimeInterval: 3600) }
    }
}

/// SIGINT and SIGTERM handlers for the demo: they run `handler` (stop the children, exit)
/// instead of killing the demo and orphaning its nodes.
final class DemoSignals {
    private let sources: [any DispatchSourceSignal]
    private static let queue = DispatchQueue(label: "maex.demo.signals")

    private init(sources: [any DispatchSourceSignal]) {
        self.sources = sources
    }

    static func install(_ handler: @escaping @Sendable () -> Void) -> DemoSignals {
        let sources = [SIGINT, SIGTERM].map { number -> any DispatchSourceSignal in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
            source.setEventHandler(handler: handler)
            source.resume()
            return source
        }
        return DemoSignals(sources: sources)
    }
}
