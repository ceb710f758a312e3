import ArgumentParser
import Foundation
import NGOMatchCore
import NGOMatchServer
import Synchronization

struct LoadCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "load",
        abstract: "Load a running 'ngomatch serve --listen' with requests and report throughput and latency.",
        discussion: """
            Each client is one TCP connection that keeps --window requests in flight.

            Several --params (or a --params-file, one JSON object a line) are sent in turn,
            each connection starting at its own place, the connections spread evenly over
            the list.

            Examples (the figures in BENCHMARKS.md):
              ngomatch load --port 7411 --clients 8 --window 4 --method match.suggest \\
                --params '{"need":"cao-bang-1"}'
              ngomatch load --port 7411 --clients 8 --window 4 --method match.suggest \\
                --params-file needs.jsonl
              ngomatch load --port 7411 --clients 1 --window 512 --method ping
              ngomatch load --port 7411 --clients 1 --window 1 --rate 10 \\
                --method needs.update --params '{"id":"cao-bang-1","fundingGapUSD":250000}'
            """
    )

    @Option(help: "Server address.") var host = "127.0.0.1"
    @Option(help: "Server port.") var port: Int
    @Option(help: "Connections, each on its own thread.") var clients = 8
    @Option(help: "Requests each connection keeps in flight.") var window = 4
    @Option(help: "How long to run, in seconds.") var seconds = 10.0
    @Option(help: "The method to call.") var method = "ping"
    @Option(help: "Its params, as a JSON object; repeat to send several in turn.") var params: [String] = []
    @Option(help: "A file of params, one JSON object a line, sent in turn.") var paramsFile: String?
    @Option(help: "At most this many requests a second on each connection (default: as fast as replies come).")
    var rate: Double?

    func validate() throws {
        guard clients >= 1, clients <= 256, window >= 1, window <= 4096, seconds > 0, seconds <= 3600 else {
            throw ValidationError("--clients 1–256, --window 1–4096, --seconds up to 3600")
        }
        if let rate, !(rate > 0) { throw ValidationError("--rate must be above 0") }
    }

    /// Each request's bytes up to its id, one per params object.
    private func prefixes() throws -> [[UInt8]] {
        var objects = params
        if let paramsFile {
            guard let text = try? String(contentsOfFile: paramsFile, encoding: .utf8) else {
                throw ValidationError("cannot read --params-file '\(paramsFile)'")
            }
            objects += text.split(separator: "\n").map(String.init).filter { !$0.allSatisfy(\.isWhitespace) }
        }
        if objects.isEmpty { objects = ["{}"] }
        for (index, object) in objects.enumerated() {
            guard case .object? = try? JSONParser.parse(object) else {
                throw ValidationError("params \(index + 1) is not a JSON object: \(object.prefix(80))")
            }
        }
        return objects.map { Array(#"{"jsonrpc":"2.0","method":"\#(method)","params":\#($0),"id":"#.utf8) }
    }

    /// What one client saw.
    private struct ClientResult {
        var latencies: [Double] = []
        var errors = 0
    }

    func run() throws {
        let results = Mutex<(latencies: [Double], errors: Int, failures: [String])>(([], 0, []))
        let prefixes = try prefixes()
        let finished = DispatchSemaphore(value: 0)
        // Every client connects before the clock starts, so that connecting is not measured and
        // no client on a busy machine finds the run over before it has asked anything.
        let connected = DispatchGroup()
        let go = DispatchSemaphore(value: 0)
        let start = Mutex<UInt64>(0)
        // A thread each: `concurrentPerform` runs only as many iterations at once as there are
        // cores, and a client blocks on its socket, so 8 clients on 2 cores would be 2.
        let threads = (0..<clients).map { client in
            connected.enter()
            return Thread {
                let connection = Result { try LoadConnection(host: host, port: port) }
                connected.leave()
                go.wait()
                do {
                    let result = try runClient(
                        client, connection: try connection.get(), prefixes: prefixes, started: start.withLock { $0 })
                    results.withLock {
                        $0.latencies += result.latencies
                        $0.errors += result.errors
                    }
                } catch {
                    results.withLock { $0.failures.append("\(error)") }
                }
                finished.signal()
            }
        }
        for thread in threads { thread.start() }
        connected.wait()
        let started = DispatchTime.now().uptimeNanoseconds
        start.withLock { $0 = started }
        for _ in threads { go.signal() }
        for _ in threads { finished.wait() }
        let elapsed = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
        let (latencies, errors, failures) = results.withLock { $0 }
        let sorted = latencies.sorted()
        func percentile(_ p: Double) -> Double {
            sorted.isEmpty ? 0 : sorted[min(sorted.count - 1, Int(Double(sorted.count) * p))]
        }
        // Figures only when some client ran: a run where none connected measured nothing.
        if failures.count < clients {
            print(
                String(
                    format:
                        "%@: %d clients × window %d, %.1f s: %d replies, %.0f/s; latency p50 %.3f ms, p99 %.3f ms, max %.3f ms; %d error replies",
                    method, clients, window, elapsed, sorted.count, Double(sorted.count) / elapsed, percentile(0.5),
                    percentile(0.99),
                    sorted.last ?? 0, errors))
        }
        if !failures.isEmpty {
            // Eight clients refused alike are one problem, said once with its count.
            let counted = Dictionary(grouping: failures, by: { $0 }).sorted { $0.key < $1.key }
            let said = counted.map {
                $0.value.count == 1 ? $0.key : "\($0.key) (\($0.value.count) of \(clients) clients)"
            }
            throw UsageError("usage.connectionsFailed", said.joined(separator: "; "))
        }
    }

    /// One connection's requests until the deadline (its first window even when the deadline
    /// has passed by the time its thread runs), then its last replies.
    private func runClient(_ client: Int, connection: LoadConnection, prefixes: [[UInt8]], started: UInt64) throws
        -> ClientResult
    {
        let deadline = started + UInt64(seconds * 1e9)
        let spacing = rate.map { UInt64(1e9 / $0) } ?? 0
        // Clients start evenly spread over the list, so with a list of distinct questions they
        // ask distinct questions rather than each other's a step behind.
        let first = client * prefixes.count / clients
        var result = ClientResult()
        result.latencies.reserveCapacity(1 << 16)
        var sent: [Int: UInt64] = [:]
        var nextID = 0
        var nextSend = started
        var batch: [UInt8] = []
        var now = DispatchTime.now().uptimeNanoseconds
        while now < deadline || !sent.isEmpty {
            batch.removeAll(keepingCapacity: true)
            while sent.count < window, now < deadline || nextID < window, now >= nextSend {
                batch += prefixes[(first + nextID) % prefixes.count]
                nextSend += spacing
                Self.appendDecimal(nextID, to: &batch)
                batch += [UInt8(ascii: "}"), 0x0A]
                sent[nextID] = now
                nextID += 1
            }
            if !batch.isEmpty { try connection.send(batch) }
            if sent.isEmpty {
                // Paced by --rate: nothing in flight until the next send is due.
                usleep(useconds_t(min(nextSend &- now, 100_000) / 1000))
                now = DispatchTime.now().uptimeNanoseconds
                continue
            }
            // Every reply already received is taken before sending more: pipelining as a client would.
            repeat {
                guard let reply = try connection.nextReply() else { throw LoadConnection.Failure.closed }
                now = DispatchTime.now().uptimeNanoseconds
                guard let start = sent.removeValue(forKey: reply.id) else {
                    result.errors += 1
                    continue
                }
                if reply.isError { result.errors += 1 }
                result.latencies.append(Double(now - start) / 1e6)
            } while connection.hasBufferedReply
        }
        return result
    }

    static func appendDecimal(_ value: Int, to bytes: inout [UInt8]) {
        var digits: [UInt8] = []
        var rest = value
        repeat {
            digits.append(UInt8(ascii: "0") + UInt8(rest % 10))
            rest /= 10
        } while rest > 0
        bytes += digits.reversed()
    }
}

/// A blocking TCP connection for the load generator that reads replies as bytes:
/// only the id and whether it is an error are looked at, so the generator costs
/// little next to the server it measures.
final class LoadConnection {
    enum Failure: Error, CustomStringConvertible {
        case connect(String)
        case send, closed
        case unreadableReply(String)

        var description: String {
            switch self {
            case .connect(let address): "nothing answers at \(address) — is 'ngomatch serve --listen' running there?"
            case .send: "the server stopped taking requests"
            case .closed: "the server closed the connection"
            case .unreadableReply(let line): "a reply that is not JSON-RPC: \(line.prefix(200))"
            }
        }
    }

    struct Reply {
        let id: Int
        let isError: Bool
    }

    private let socket: BlockingSocket
    private var pending: [UInt8] = []
    private var chunk = [UInt8](repeating: 0, count: 1 << 16)
    private var start = 0
    private var scanned = 0

    init(host: String, port: Int) throws {
        do {
            socket = try BlockingSocket(host: host, port: port)
        } catch {
            throw Failure.connect("\(host):\(port)")
        }
    }

    func send(_ bytes: [UInt8]) throws {
        do { try socket.send(bytes) } catch { throw Failure.send }
    }

    /// Whether a whole reply is already buffered, so reading it will not block.
    var hasBufferedReply: Bool { bufferedNewline() != nil }

    /// The end of the next buffered reply; bytes already searched are not searched again.
    private func bufferedNewline() -> Int? {
        guard let newline = pending[scanned...].firstIndex(of: 0x0A) else {
            scanned = pending.count
            return nil
        }
        scanned = newline
        return newline
    }

    func nextReply() throws -> Reply? {
        while true {
            if let newline = bufferedNewline() {
                let reply = try Self.read(pending[start..<newline])
                start = newline + 1
                scanned = start
                return reply
            }
            if start > 1 << 16 {
                pending.removeSubrange(0..<start)
                scanned -= start
                start = 0
            }
            let count = chunk.withUnsafeMutableBytes { socket.receive(into: $0) }
            guard count > 0 else { return nil }
            pending += chunk[0..<count]
        }
    }

    private static let resultPrefix = Array(#"{"jsonrpc":"2.0","id":"#.utf8)
    private static let idKey = Array(#""id":"#.utf8)

    /// The id and kind of a reply line, from its first bytes: results start with the
    /// id; error replies are short enough to search.
    static func read(_ line: ArraySlice<UInt8>) throws -> Reply {
        if line.starts(with: resultPrefix) {
            let (id, end) = number(line, from: line.startIndex + resultPrefix.count)
            let isResult = line[end...].starts(with: Array(#","result":"#.utf8))
            return Reply(id: id, isError: !isResult)
        }
        var index = line.startIndex
        while index + idKey.count <= line.endIndex {
            if line[index..<index + idKey.count].elementsEqual(idKey) {
                return Reply(id: number(line, from: index + idKey.count).value, isError: true)
            }
            index += 1
        }
        throw Failure.unreadableReply(String(decoding: line.prefix(200), as: UTF8.self))
    }

    private static func number(_ line: ArraySlice<UInt8>, from start: Int) -> (value: Int, end: Int) {
        var value = 0
        var index = start
        while index < line.endIndex, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(line[index]) {
            value = value * 10 + Int(line[index] - UInt8(ascii: "0"))
            index += 1
        }
        return (index == start ? -1 : value, index)
    }
}
