import Foundation
import NGOMatchServer

/// A plain blocking TCP client speaking one line per message, for end-to-end tests.
final class LineClient {
    private let socket: BlockingSocket
    private var pending: [UInt8] = []

    init(port: Int, timeoutSeconds: Int = 20) throws {
        socket = try BlockingSocket(host: "127.0.0.1", port: port, receiveTimeoutSeconds: timeoutSeconds)
    }

    func send(_ text: String) throws { try send(bytes: Array(text.utf8)) }

    func send(bytes: [UInt8]) throws { try socket.send(bytes) }

    /// Closes the sending side: the server sees end of input.
    func finishSending() { socket.finishSending() }

    /// The next line, or nil at end of stream or timeout.
    func readLine() -> String? {
        var chunk = [UInt8](repeating: 0, count: 65536)
        while true {
            if let newline = pending.firstIndex(of: 0x0A) {
                let line = String(decoding: pending[..<newline], as: UTF8.self)
                pending.removeSubrange(...newline)
                return line
            }
            let count = chunk.withUnsafeMutableBytes { socket.receive(into: $0) }
            guard count > 0 else { return nil }
            pending += chunk[0..<count]
        }
    }

    /// Sends a request and returns the reply line parsed.
    func call(_ method: String, _ params: String = "{}", id: Int = 1) throws -> [String: Any] {
        try send(#"{"jsonrpc":"2.0","id":\#(id),"method":"\#(method)","params":\#(params)}"# + "\n")
        guard let line = readLine(),
            let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
        else {
            throw ClientError.reply
        }
        return object
    }

    enum ClientError: Error { case reply }
}

/// `ngomatch serve` as a child process, on a fresh registry.
final class ServerProcess {
    let process = Process()
    let port: Int
    private let errors = Pipe()

    init(cli: CLI, arguments: [String] = []) throws {
        process.executableURL = CLI.binary
        process.arguments = ["serve", "--listen", "127.0.0.1:0", "--db", cli.database] + arguments
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run(killedAfter: Process.childLimitSeconds)
        var seen = ""
        var port: Int? = nil
        let handle = errors.fileHandleForReading
        let deadline = Date().addingTimeInterval(60)
        while port == nil, Date() < deadline {
            let data = handle.availableData
            if data.isEmpty { break }
            seen += String(decoding: data, as: UTF8.self)
            if let range = seen.range(of: #":(\d+) \(registry"#, options: .regularExpression) {
                port = Int(seen[range].dropFirst().prefix { $0.isNumber })
            }
        }
        guard let port else {
            process.terminate()
            throw StartError(output: seen)
        }
        self.port = port
        // Keep draining the server's log so it never blocks on a full pipe.
        handle.readabilityHandler = { handle in
            if handle.availableData.isEmpty { handle.readabilityHandler = nil }
        }
    }

    /// Sends SIGTERM and waits; returns the exit status.
    func stop() -> Int32 {
        process.terminate()
        process.waitUntilExit()
        return process.terminationStatus
    }

    deinit { if process.isRunning { process.terminate() } }

    struct StartError: Error { let output: String }
}
