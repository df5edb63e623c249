import ArgumentParser
import Foundation

/// The option every command takes: where the node's data folder is.
struct NodeOptions: ParsableArguments {
    @Option(name: .customLong("data"), help: ArgumentHelp("The node's data folder.", valueName: "dir"))
    var data: String = "./maex-data"

    /// The data folder as a URL.
    var dataURL: URL { URL(fileURLWithPath: data) }
}
