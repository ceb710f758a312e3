import ArgumentParser
import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

struct LoadCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "load",
        abstract: "Load a running 'ngomatch serve --listen' with requests and report throughput and latency.",
        discussion: """
            Each client is one TCP connection that keeps --window requests in flight.

            Examples (the figures in BENCHMARKS.md):
              ngomatch load --port 7411 --clients 8 --window 4 --method match.suggest --params '{"need":"cao-bang-1"}'
              ngomatch load --port 7411 --clients 1 --window 512 --method ping
            """
    )

    @Option(help: "Server address.") var host = "127.0.0.1"
    @Option(help: "Server port.") var port: Int
    @Option(help: "Connections, each on its own thread.") var clients = 8
    @Option(help: "Requests each connection keeps in flight.") var window = 4
    @Option(help: "How long to run, in seconds.") var seconds = 10.0
    @Option(help: "The method to call.") var method = "ping"
    @Option(help: "Its params, as a JSON object.") var params = "{}"

    func validate() throws {
        guard clients >= 1, clients <= 256, window >= 1, window <= 4096, seconds > 0, seconds <= 3600 else {
            throw ValidationError("--clients 1–256, --window 1–4096, --seconds up to 3600")
        }
    }

    func run() throws {
        let results = Mutex<(latencies: [Double], errors: Int, failures: [String])>(([], 0, []))
        let deadline = Date().addingTimeInterval(seconds)
        let started = Date()
        let template = #"{"jsonrpc":"2.0","method":"\#(method)","params":\#(params),"id":"#
        DispatchQueue.concurrentPerform(iterations: clients) { _ in
            do {
                let connection = try LoadConnection(host: host, port: port)
                var latencies: [Double] = []
                var errors = 0
                var sent: [Int: UInt64] = [:]
                var nextID = 0
                while Date() < deadline || !sent.isEmpty {
                    var batch = Data()
                    while sent.count < window, Date() < deadline {
                        batch.append(Data((template + "\(nextID)}\n").utf8))
                        sent[nextID] = DispatchTime.now().uptimeNanoseconds
                        nextID += 1
                    }
                    if !batch.isEmpty { try connection.send(batch) }
                    guard let line = connection.readLine() else { throw LoadConnection.Failure.closed }
                    let now = DispatchTime.now().uptimeNanoseconds
                    guard let id = Self.id(in: line), let start = sent.removeValue(forKey: id) else {
                        errors += 1
                        continue
                    }
                    if line.contains(#""error":"#) { errors += 1 }
                    latencies.append(Double(now - start) / 1e6)
                }
                results.withLock {
                    $0.latencies += latencies
                    $0.errors += errors
                }
            } catch {
                results.withLock { $0.failures.append("\(error)") }
            }
        }
        let elapsed = Date().timeIntervalSince(started)
        let (latencies, errors, failures) = results.withLock { $0 }
        let sorted = latencies.sorted()
        func percentile(_ p: Double) -> Double {
            sorted.isEmpty ? 0 : sorted[min(sorted.count - 1, Int(Double(sorted.count) * p))]
        }
        print(
            String(
                format:
                    "%@: %d clients × window %d, %.1f s: %d replies, %.0f/s; latency p50 %.3f ms, p99 %.3f ms, max %.3f ms; %d error replies",
                method, clients, window, elapsed, sorted.count, Double(sorted.count) / elapsed, percentile(0.5),
                percentile(0.99),
                sorted.last ?? 0, errors))
        if !failures.isEmpty { throw UsageError("connections failed: \(failures.joined(separator: "; "))") }
    }

    /// The numeric id of a reply, read without parsing the whole line.
    static func id(in line: String) -> Int? {
        guard let range = line.range(of: #""id":"#) else { return nil }
        return Int(line[range.upperBound...].prefix { $0.isNumber })
    }
}

/// A blocking line-oriented TCP connection for the load generator.
final class LoadConnection {
    enum Failure: Error { case connect, send, closed }

    private let socket: Int32
    private var pending: [UInt8] = []
    private var buffer = [UInt8](repeating: 0, count: 1 << 16)

    init(host: String, port: Int) throws {
        socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr(host)
        var noDelay: Int32 = 1
        setsockopt(socket, Int32(IPPROTO_TCP), TCP_NODELAY, &noDelay, socklen_t(MemoryLayout<Int32>.size))
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard socket >= 0, result == 0 else { throw Failure.connect }
    }

    deinit { close(socket) }

    func send(_ data: Data) throws {
        try data.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let written = Glibc.send(socket, raw.baseAddress! + offset, raw.count - offset, Int32(MSG_NOSIGNAL))
                guard written > 0 else { throw Failure.send }
                offset += written
            }
        }
    }

    func readLine() -> String? {
        while true {
            if let newline = pending.firstIndex(of: 0x0A) {
                let line = String(decoding: pending[..<newline], as: UTF8.self)
                pending.removeSubrange(...newline)
                return line
            }
            let count = buffer.withUnsafeMutableBytes { recv(socket, $0.baseAddress, $0.count, 0) }
            guard count > 0 else { return nil }
            pending += buffer[0..<count]
        }
    }
}
