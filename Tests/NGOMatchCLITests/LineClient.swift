import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A plain blocking TCP client speaking one line per message, for end-to-end tests.
final class LineClient {
    private let socket: Int32
    private var pending: [UInt8] = []

    init(port: Int, timeoutSeconds: Int = 20) throws {
        socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socket >= 0 else { throw ClientError.socket }
        var timeout = timeval(tv_sec: timeoutSeconds, tv_usec: 0)
        setsockopt(socket, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard result == 0 else {
            close(socket)
            throw ClientError.connect
        }
    }

    deinit { close(socket) }

    func send(_ text: String) throws { try send(bytes: Array(text.utf8)) }

    func send(bytes: [UInt8]) throws {
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes {
                Glibc.send(socket, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL))
            }
            guard written > 0 else { throw ClientError.send }
            offset += written
        }
    }

    /// Closes the sending side: the server sees end of input.
    func finishSending() { shutdown(socket, Int32(SHUT_WR)) }

    /// The next line, or nil at end of stream or timeout.
    func readLine() -> String? {
        while true {
            if let newline = pending.firstIndex(of: 0x0A) {
                let line = String(decoding: pending[..<newline], as: UTF8.self)
                pending.removeSubrange(...newline)
                return line
            }
            var chunk = [UInt8](repeating: 0, count: 65536)
            let count = chunk.withUnsafeMutableBytes { recv(socket, $0.baseAddress, $0.count, 0) }
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

    enum ClientError: Error { case socket, connect, send, reply }
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
        try process.run()
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
