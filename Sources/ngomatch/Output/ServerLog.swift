import Foundation
import Logging

/// Where servers log: standard error, so stdout stays for protocol messages.
enum ServerLog {
    /// `NGOMATCH_LOG=debug` shows everything; otherwise `quiet` and above.
    static func start(quiet: Logger.Level = .info) {
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = ProcessInfo.processInfo.environment["NGOMATCH_LOG"] == "debug" ? .debug : quiet
            return handler
        }
    }
}
