import Foundation
import Testing

/// `ngomatch web --auth` as a child process on a free loopback port, its mail to a relay:
/// ready once it says where it listens, stopped when the value goes.
final class WebServerProcess {
    let process = Process()
    let port: Int

    init(database: String, smtpPort: Int) throws {
        process.executableURL = CLI.binary
        process.arguments = [
            "web", "--auth", "--listen", "127.0.0.1:0", "--db", database, "--smtp", "smtp://127.0.0.1:\(smtpPort)",
        ]
        let log = Pipe()
        process.standardError = log
        process.standardOutput = FileHandle.nullDevice
        try process.run(killedAfter: Process.childLimitSeconds)
        var seen = ""
        var port: Int?
        let deadline = Date().addingTimeInterval(60)
        while port == nil, Date() < deadline {
            let data = log.fileHandleForReading.availableData
            if data.isEmpty { break }
            seen += String(decoding: data, as: UTF8.self)
            if let range = seen.range(of: #"http://127\.0\.0\.1:(\d+)/"#, options: .regularExpression) {
                port = Int(seen[range].dropFirst("http://127.0.0.1:".count).prefix { $0.isNumber })
            }
        }
        guard let port else {
            process.terminate()
            throw CocoaError(
                .fileReadUnknown, userInfo: [NSLocalizedDescriptionKey: "the web app did not say where: \(seen)"])
        }
        self.port = port
        // Keep reading, so that a chatty log never fills the pipe and stops the server.
        log.fileHandleForReading.readabilityHandler = { handle in
            if handle.availableData.isEmpty { handle.readabilityHandler = nil }
        }
    }

    deinit {
        process.terminate()
        process.waitUntilExit()
    }
}
