import Foundation
import Testing

/// A line that is not JSON gets a JSON-RPC parse error with `"id": null`, as every other door
/// answers it, and the session goes on serving (issue 34: the SDK made up an id of its own).
@Suite(.timeLimit(.minutes(10)))
struct MCPMalformedLineTests {
    @Test func aLineThatIsNotJSONIsAnsweredWithANullIDAndTheSessionGoesOn() throws {
        let cli = try CLI()
        #expect(try cli.run("init").status == 0)
        let lines = [
            "this is not json",
            #"{"jsonrpc":"2.0","id":"a","method":"initialize","params":{"protocolVersion":"2025-11-25","capabilities":{},"clientInfo":{"name":"t","version":"1"}}}"#,
            #"{"jsonrpc":"2.0","id":5,"#,
            #"{"jsonrpc":"2.0","method":"notifications/initialized"}"#,
            #"{"jsonrpc":"2.0","id":"b","method":"tools/list"}"#,
        ]
        let door = ExitUnderLoadTests.Door(
            arguments: ["mcp"], input: lines.joined(separator: "\n") + "\n", answer: #""id":"b""#)
        let ended = try ExitUnderLoadTests.run(door, database: cli.database)
        #expect(ended.reason == .exit && ended.status == 0)
        let replies = ended.output.split(separator: "\n").map { line in
            (try? JSONSerialization.jsonObject(with: Data(line.utf8))) as? [String: Any] ?? [:]
        }
        #expect(replies.count == 4, "\(ended.output.prefix(400))")
        let parseErrors = replies.filter { ($0["error"] as? [String: Any])?["code"] as? Int == -32700 }
        #expect(parseErrors.count == 2, "two lines were not JSON: \(replies)")
        for reply in parseErrors {
            #expect(reply.keys.contains("id") && reply["id"] is NSNull, "\(reply)")
            #expect(reply["jsonrpc"] as? String == "2.0")
        }
        #expect(replies.contains { $0["id"] as? String == "a" && $0["result"] != nil })
        let tools = replies.first { $0["id"] as? String == "b" }?["result"] as? [String: Any]
        #expect((tools?["tools"] as? [Any])?.isEmpty == false)
    }
}
