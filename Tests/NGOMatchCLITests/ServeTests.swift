import Foundation
import Testing

/// `ngomatch serve` end to end: a real child process, real sockets and pipes.
@Suite(.serialized, .timeLimit(.minutes(10)))
struct ServeTests {
    @Test func stdioServesAChildProcessLineByLine() throws {
        let cli = try CLI()
        let input = try cli.file(
            "requests.jsonl",
            """
            {"jsonrpc":"2.0","id":1,"method":"ping"}

            not json
            {"jsonrpc":"2.0","id":2,"method":"provinces.get","params":{"name":"ha giang"}}\r
            {"jsonrpc":"2.0","method":"ping"}
            {"jsonrpc":"2.0","id":3,"method":"needs.get","params":{"id":"cao-bang-1"}}
            """)
        let process = Process()
        process.executableURL = CLI.binary
        process.arguments = ["serve", "--stdio", "--db", cli.database]
        process.standardInput = try FileHandle(forReadingFrom: URL(fileURLWithPath: input))
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run(killedAfter: Process.childLimitSeconds)
        let output = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        _ = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        let replies = output.split(separator: "\n").map {
            (try? JSONSerialization.jsonObject(with: Data($0.utf8))) as? [String: Any] ?? [:]
        }
        #expect(replies.count == 4)
        #expect(replies.map { $0["id"] as? Int } == [1, nil, 2, 3])
        #expect(((replies[1]["error"] as? [String: Any])?["code"] as? Int) == -32700)
        #expect(((replies[2]["result"] as? [String: Any])?["mergedFrom"] as? String) == "Hà Giang")
        // The last line had no newline and was still served.
        #expect(((replies[3]["result"] as? [String: Any])?["id"] as? String) == "cao-bang-1")
    }

    @Test func tcpServesConcurrentClientsAndSubscriptions() throws {
        let cli = try CLI()
        _ = try cli.run("init")
        let server = try ServerProcess(cli: cli)
        let watcher = try LineClient(port: server.port)
        let subscribed = try watcher.call("needs.subscribe", #"{"ngo":"MCNV","minScore":40}"#)
        #expect((subscribed["result"] as? [String: Any])?["ngo"] as? String == "mcnv")

        let failures = ConcurrentCounter()
        let port = server.port
        DispatchQueue.concurrentPerform(iterations: 8) { client in
            do {
                let connection = try LineClient(port: port)
                for request in 0..<25 {
                    let id = client * 1000 + request
                    let reply: [String: Any]
                    switch request % 3 {
                    case 0: reply = try connection.call("ping", id: id)
                    case 1: reply = try connection.call("match.suggest", #"{"need":"cao-bang-1","limit":3}"#, id: id)
                    default: reply = try connection.call("needs.list", #"{"province":"Đồng Nai"}"#, id: id)
                    }
                    if reply["id"] as? Int != id || reply["result"] == nil { failures.add() }
                }
            } catch {
                failures.add()
            }
        }
        #expect(failures.value == 0)

        let planner = try LineClient(port: server.port)
        let registered = try planner.call(
            "needs.register",
            #"{"province":"Cao Bằng","title":"Midwives","sectors":"health.maternal-child:5","fundingGapUSD":200000,"timeframe":{"start":"2026-06-01","end":"2027-06-30"}}"#
        )
        #expect(registered["result"] != nil)
        let notification = try #require(watcher.readLine())
        #expect(notification.contains(#""method":"needs.matched""#))
        #expect(notification.contains("Midwives"))
        #expect(server.stop() == 0)
    }

    @Test func badClientsDoNotDisturbTheOthers() throws {
        let cli = try CLI()
        _ = try cli.run("init")
        let server = try ServerProcess(cli: cli, arguments: ["--max-line", "65536"])
        let steady = try LineClient(port: server.port)
        #expect(try steady.call("ping")["result"] != nil)

        // Half a line, then gone.
        let quitter = try LineClient(port: server.port)
        try quitter.send(#"{"jsonrpc":"2.0","id":1,"meth"#)
        quitter.finishSending()
        #expect(quitter.readLine()?.contains("-32700") == true)

        // A line far over the limit: an error, and the same connection goes on.
        let flooder = try LineClient(port: server.port)
        try flooder.send(bytes: [UInt8](repeating: UInt8(ascii: "x"), count: 2 << 20) + [0x0A])
        #expect(flooder.readLine()?.contains("-32600") == true)
        #expect(try flooder.call("ping", id: 5)["id"] as? Int == 5)

        // Binary garbage.
        let noisy = try LineClient(port: server.port)
        try noisy.send(bytes: [0x00, 0xFF, 0xFE, 0x7B, 0x0A])
        #expect(noisy.readLine()?.contains("\"error\"") == true)

        #expect(try steady.call("ping", id: 9)["id"] as? Int == 9)
        #expect(server.stop() == 0)
        let check = try cli.run("needs", "list", "--format", "json")
        #expect(check.status == 0)
    }

    @Test func withAuthTokensScopeWrites() throws {
        let cli = try CLI()
        _ = try cli.run("init")
        let token = try cli.run("tokens", "create", "--role", "province:Cao Bằng").stdout
            .trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(token.hasPrefix("ngm_"))
        let server = try ServerProcess(cli: cli, arguments: ["--auth"])
        let client = try LineClient(port: server.port)
        #expect(((try client.call("needs.list")["error"] as? [String: Any])?["code"] as? Int) == -32001)
        #expect(
            ((try client.call("auth", #"{"token":"\#(token)"}"#)["result"] as? [String: Any])?["role"] as? String)
                == "province:cao-bang")
        #expect(try client.call("needs.update", #"{"id":"cao-bang-1","fundingGapUSD":1}"#)["result"] != nil)
        #expect(
            ((try client.call("needs.update", #"{"id":"dong-nai-1","fundingGapUSD":1}"#)["error"] as? [String: Any])?[
                "code"] as? Int) == -32003)
        #expect(server.stop() == 0)
        #expect(try cli.run("tokens", "list").stdout.contains("province:cao-bang"))
    }

    @Test func nonLoopbackListeningRequiresAuth() throws {
        let cli = try CLI()
        let result = try cli.run("serve", "--listen", "0.0.0.0:0")
        #expect(result.status == 2)
        #expect(result.stderr.contains("requires --auth"))
    }
}

final class ConcurrentCounter: @unchecked Sendable {
    // Guarded by `lock`; incremented from the test's worker threads.
    private let lock = NSLock()
    private var count = 0
    func add() { lock.withLock { count += 1 } }
    var value: Int { lock.withLock { count } }
}
