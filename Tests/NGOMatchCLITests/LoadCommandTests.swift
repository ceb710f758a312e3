import Foundation
import Synchronization
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// `ngomatch load` against a plain TCP listener that records what each connection sent: the
/// figures in BENCHMARKS.md are only as true as the load generator's clients.
@Suite(.timeLimit(.minutes(10))) struct LoadCommandTests {
    /// What one accepted connection sent: the params of each request, in order.
    final class Recorder: Sendable {
        let connections = Mutex<[[Int]]>([])
    }

    struct ListenFailed: Error {}

    @Test func everyClientIsItsOwnConnectionAndStartsAtItsOwnPlaceInTheList() throws {
        let cli = try CLI()
        let asks = try cli.file("asks.jsonl", (0..<80).map { #"{"n":\#($0)}"# }.joined(separator: "\n"))
        let listener = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #expect(listener >= 0)
        defer { close(listener) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        try withUnsafeMutablePointer(to: &address) { pointer in
            try pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                guard bind(listener, $0, length) == 0, listen(listener, 16) == 0,
                    getsockname(listener, $0, &length) == 0
                else { throw ListenFailed() }
            }
        }
        let port = Int(UInt16(bigEndian: address.sin_port))
        let recorder = Recorder()
        let accepting = Thread {
            while true {
                let connection = accept(listener, nil, nil)
                guard connection >= 0 else { return }
                let slot = recorder.connections.withLock {
                    $0.append([])
                    return $0.count - 1
                }
                Thread { Self.answer(connection, slot: slot, recorder: recorder) }.start()
            }
        }
        accepting.start()

        let result = try cli.run(
            "load", "--port", "\(port)", "--clients", "8", "--window", "1", "--seconds", "1", "--method", "ping",
            "--params-file", asks)
        shutdown(listener, Int32(SHUT_RDWR))
        #expect(result.status == 0, "\(result.stderr)")
        let connections = recorder.connections.withLock { $0 }
        // Eight connections, each sending: with clients run only as many at a time as there are
        // cores, the rest connected after the deadline and sent nothing. Each connects before the
        // clock starts and sends its first window whenever its thread runs, so a busy machine
        // cannot make one miss the run.
        #expect(connections.count == 8)
        #expect(connections.allSatisfy { !$0.isEmpty })
        // Spread evenly over the 80 questions, not each one a step behind the one before.
        #expect(Set(connections.compactMap(\.first)) == Set(stride(from: 0, to: 80, by: 10)))
        #expect(result.stdout.contains("8 clients"))
    }

    /// Answers every request line with an empty result under its id, recording its params.
    private static func answer(_ connection: Int32, slot: Int, recorder: Recorder) {
        defer { close(connection) }
        var pending: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = chunk.withUnsafeMutableBytes { recv(connection, $0.baseAddress, $0.count, 0) }
            guard count > 0 else { return }
            pending += chunk[0..<count]
            while let newline = pending.firstIndex(of: 0x0A) {
                let line = Data(pending[..<newline])
                pending.removeSubrange(...newline)
                guard let request = try? JSONSerialization.jsonObject(with: line) as? [String: Any],
                    let id = request["id"] as? Int, let params = request["params"] as? [String: Any],
                    let n = params["n"] as? Int
                else { return }
                recorder.connections.withLock { $0[slot].append(n) }
                let reply = Array(#"{"jsonrpc":"2.0","id":\#(id),"result":null}"#.utf8) + [0x0A]
                _ = reply.withUnsafeBytes { send(connection, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            }
        }
    }
}
