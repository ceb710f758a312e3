import Foundation
import Testing

/// SIGTERM while a request runs: the request finishes, its reply is written, the
/// process exits 0. A medium event (100 × 300 × 12) keeps the planner busy long enough.
@Suite(.timeLimit(.minutes(10)))
struct GracefulStopTests {
    static func event(_ cli: CLI) throws -> String {
        let path = cli.folder.appendingPathComponent("event.json").path
        let made = try cli.run("generate-event", "--provinces", "100", "--ngos", "300", "--slots", "12", "--out", path)
        #expect(made.status == 0, "\(made.stderr)")
        // One line: the protocols take one message a line.
        let value = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path)))
        return String(decoding: try JSONSerialization.data(withJSONObject: value), as: UTF8.self)
    }

    @Test func tcpAnswersTheRequestInFlightBeforeItStops() throws {
        let cli = try CLI()
        let event = try Self.event(cli)
        let server = try ServerProcess(cli: cli)
        let client = try LineClient(port: server.port, timeoutSeconds: 60)
        // Ready: it answers. In flight: the server spends CPU on the plan after the line is sent.
        #expect(try client.call("ping", "{}")["result"] != nil)
        let before = server.process.cpuTicks
        try client.send(#"{"jsonrpc":"2.0","id":"slow","method":"pairing.plan","params":\#(event)}"# + "\n")
        #expect(server.process.waitForWork(beyond: before, ticks: 20), "the server never started planning")
        server.process.terminate()
        let reply = try #require(client.readLine(), "no reply after SIGTERM")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(reply.utf8)) as? [String: Any])
        #expect(object["id"] as? String == "slow")
        #expect((object["result"] as? [String: Any])?["meetingCount"] as? Int ?? 0 > 0, "\(reply.prefix(300))")
        server.process.waitUntilExit()
        #expect(server.process.terminationStatus == 0)
    }

    /// A child on stdio pipes: the opening lines are answered first (it is serving, its signals
    /// trapped), then the slow last line is sent and SIGTERM follows once the child is at work on it.
    static func stopWhileRunning(
        _ cli: CLI, arguments: [String], opening: [String], openingReplies: Int, slow: String, expectReplies: Int
    ) throws -> [[String: Any]] {
        let process = Process()
        process.executableURL = CLI.binary
        process.arguments = arguments + ["--db", cli.database]
        let input = Pipe()
        let output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run(killedAfter: Process.childLimitSeconds)
        for line in opening { input.fileHandleForWriting.write(Data((line + "\n").utf8)) }
        var received = Data()
        while received.count(where: { $0 == UInt8(ascii: "\n") }) < openingReplies {
            let data = output.fileHandleForReading.availableData
            if data.isEmpty { break }
            received += data
        }
        let before = process.cpuTicks
        input.fileHandleForWriting.write(Data((slow + "\n").utf8))
        #expect(process.waitForWork(beyond: before, ticks: 20), "the child never started on the request")
        process.terminate()
        received += output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        let text = String(decoding: received, as: UTF8.self)
        let replies = text.split(separator: "\n").compactMap {
            try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
        }
        #expect(replies.count == expectReplies, "\(text.prefix(300))")
        return replies
    }

    @Test func stdioAnswersTheRequestInFlightBeforeItStops() throws {
        let cli = try CLI()
        let event = try Self.event(cli)
        let replies = try Self.stopWhileRunning(
            cli, arguments: ["serve", "--stdio"], opening: [#"{"jsonrpc":"2.0","id":1,"method":"ping"}"#],
            openingReplies: 1, slow: #"{"jsonrpc":"2.0","id":7,"method":"pairing.plan","params":\#(event)}"#,
            expectReplies: 2)
        let plan = try #require(replies.first { $0["id"] as? Int == 7 }?["result"] as? [String: Any])
        #expect(plan["meetingCount"] as? Int ?? 0 > 0)
    }

    @Test func mcpAnswersTheToolCallInFlightBeforeItStops() throws {
        let cli = try CLI()
        let event = try Self.event(cli)
        let opening = [
            #"{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-11-25","capabilities":{},"clientInfo":{"name":"t","version":"1"}}}"#,
            #"{"jsonrpc":"2.0","method":"notifications/initialized"}"#,
        ]
        let replies = try Self.stopWhileRunning(
            cli, arguments: ["mcp"], opening: opening, openingReplies: 1,
            slow:
                #"{"jsonrpc":"2.0","id":2,"method":"tools/call","params":{"name":"pairing.plan","arguments":\#(event)}}"#,
            expectReplies: 2)
        let call = try #require(replies.first { $0["id"] as? Int == 2 }?["result"] as? [String: Any])
        #expect(call["isError"] as? Bool != true)
        #expect((call["structuredContent"] as? [String: Any])?["meetingCount"] as? Int ?? 0 > 0)
    }
}
