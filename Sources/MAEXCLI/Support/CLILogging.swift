import Foundation
import Logging

/// Logging for the command line: to stderr, at the level named by `MAEX_LOG_LEVEL`
/// (default `warning`, so normal output stays clean).
enum CLILogging {
    /// The command line's logger; the first use bootstraps the logging system.
    static let logger: Logger = {
        LoggingSystem.bootstrap { StreamLogHandler.standardError(label: $0) }
        var logger = Logger(label: "maex.cli")
        let name = ProcessInfo.processInfo.environment["MAEX_LOG_LEVEL"] ?? ""
        logger.logLevel = Logger.Level(rawValue: name.lowercased()) ?? .warning
        return logger
    }()
}
