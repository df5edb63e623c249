import Foundation
import Logging
import MAEXCore
import MAEXNode
import MAEXStore

/// An opened node for one command: its folder, its store and an author writing to it.
struct NodeSession {
    /// The node's folder.
    let directory: NodeDirectory
    /// The node's store.
    let store: NodeStore
    /// The logger for this command.
    let logger: Logger

    /// Opens the node in the data folder of `options`.
    static func open(_ options: NodeOptions) throws -> NodeSession {
        let logger = CLILogging.logger
        let directory = try NodeDirectory.open(at: options.dataURL)
        let store = try directory.openStore(logger: logger)
        return NodeSession(directory: directory, store: store, logger: logger)
    }

    /// An author for this node using the system clock.
    var author: LocalAuthor { directory.makeAuthor(store: store, logger: logger) }
}
